package io.braid.core.bond.path;

/**
 * The probes of one path still waiting for their ack: ids are handed out in sequence and kept in a
 * small ring by id, so matching an ack is one array read. A probe unanswered after the timeout, or
 * pushed out of the ring by newer probes, counts as lost. Acks for unknown, already-answered or
 * expired probes (late, duplicated or forged) are ignored.
 */
public final class ProbeTracker {
    private static final int SLOTS = 32;
    private static final long NONE = Long.MIN_VALUE;

    private final int[] ids = new int[SLOTS];
    private final long[] sentAt = new long[SLOTS];
    private final boolean[] intoCongestion = new boolean[SLOTS];
    private int nextId = 1;
    private int evictedUnanswered;
    private int lostInCongestion;
    private long newestLostSentNanos = NONE;

    public ProbeTracker() {
        java.util.Arrays.fill(sentAt, NONE);
    }

    /**
     * Registers a probe sent now and returns its id (a u32 on the wire; never 0);
     * {@code intoCongestion} when this end was overfilling the path as the probe left.
     */
    public int onSent(boolean intoCongestion, long nowNanos) {
        int id = nextId;
        nextId = nextId == -1 ? 1 : nextId + 1;
        int slot = slot(id);
        if (sentAt[slot] != NONE) {
            evictedUnanswered++;
            if (this.intoCongestion[slot]) lostInCongestion++;
            newestLostSentNanos = Math.max(newestLostSentNanos, sentAt[slot]);
        }
        ids[slot] = id;
        sentAt[slot] = nowNanos;
        this.intoCongestion[slot] = intoCongestion;
        return id;
    }

    /**
     * Matches an ack: returns the probe's send time and forgets it, or {@link Long#MIN_VALUE} when
     * the id is not waiting. The echoed send time must match what was recorded, so an ack cannot
     * claim a shorter round trip than the probe really took.
     */
    public long onAck(int probeId, long echoedSentNanos) {
        int slot = slot(probeId);
        if (sentAt[slot] == NONE || ids[slot] != probeId || sentAt[slot] != echoedSentNanos) return NONE;
        long sent = sentAt[slot];
        sentAt[slot] = NONE;
        return sent;
    }

    /** Whether the probe with this id (just acked or expired) was sent into congestion this end caused. */
    public boolean sentIntoCongestion(int probeId) {
        return intoCongestion[slot(probeId)];
    }

    /**
     * Forgets probes older than {@code timeoutNanos} and returns how many were lost since the last
     * call; {@link #lostInCongestion} then tells how many of them were sent into congestion this end
     * caused, and {@link #newestLostSentNanos} when the newest of them was sent.
     */
    public int expire(long nowNanos, long timeoutNanos) {
        int lost = evictedUnanswered;
        int congested = lostInCongestion;
        evictedUnanswered = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (sentAt[i] != NONE && nowNanos - sentAt[i] >= timeoutNanos) {
                newestLostSentNanos = Math.max(newestLostSentNanos, sentAt[i]);
                sentAt[i] = NONE;
                lost++;
                if (intoCongestion[i]) congested++;
            }
        }
        lastLostInCongestion = congested;
        lostInCongestion = 0;
        return lost;
    }

    /** Of the probes the last {@link #expire} found lost, those sent into congestion this end caused. */
    public int lostInCongestion() {
        return lastLostInCongestion;
    }

    private int lastLostInCongestion;

    /** Forgets, without counting them lost, the probes sent before {@code sentNanos} (they measured an outage that is over). */
    public void forgetSentBefore(long sentNanos) {
        for (int i = 0; i < SLOTS; i++) {
            if (sentAt[i] != NONE && sentAt[i] < sentNanos) sentAt[i] = NONE;
        }
        evictedUnanswered = 0;
        lostInCongestion = 0;
    }

    /** Send time of the most recently sent probe known to be lost, or {@link Long#MIN_VALUE}. */
    public long newestLostSentNanos() {
        return newestLostSentNanos;
    }

    /** Send time of the oldest probe still waiting, or {@link Long#MIN_VALUE} when none is. */
    public long oldestWaitingNanos() {
        long oldest = NONE;
        for (long t : sentAt) {
            if (t != NONE && (oldest == NONE || t < oldest)) oldest = t;
        }
        return oldest;
    }

    private static int slot(int id) {
        return id & (SLOTS - 1);
    }
}

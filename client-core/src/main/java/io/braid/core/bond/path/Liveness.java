package io.braid.core.bond.path;

/**
 * Whether a path still delivers: the time of the last evidence (a probe ack, or feedback showing
 * that packets sent on the path arrived) against what was sent since. A path is only "silent"
 * while something sent on it is waiting to be confirmed, so an idle path never looks dead merely
 * because nobody talked; and the clock starts at the first unconfirmed send, not at the last
 * evidence, so a path that was idle for a minute is not declared dead by its first new packet.
 */
public final class Liveness {
    private static final long NONE = Long.MIN_VALUE;

    private long lastEvidence = NONE;
    private long firstUnconfirmed = NONE;
    private int unconfirmed;

    public void onSend(long nowNanos) {
        if (unconfirmed == 0) firstUnconfirmed = nowNanos;
        if (unconfirmed < Integer.MAX_VALUE) unconfirmed++;
    }

    public void onEvidence(long nowNanos) {
        lastEvidence = nowNanos;
        unconfirmed = 0;
        firstUnconfirmed = NONE;
    }

    /** How long the oldest unconfirmed send has waited; 0 when nothing is waiting. */
    public long silentNanos(long nowNanos) {
        return unconfirmed == 0 ? 0 : Math.max(0, nowNanos - firstUnconfirmed);
    }

    /** Sends (data and probes) since the last evidence. */
    public int unconfirmedSends() {
        return unconfirmed;
    }

    /** When the oldest unconfirmed send went out, or {@link Long#MIN_VALUE} when nothing is waiting. */
    public long firstUnconfirmedNanos() {
        return firstUnconfirmed;
    }

    public boolean everHeard() {
        return lastEvidence != NONE;
    }
}

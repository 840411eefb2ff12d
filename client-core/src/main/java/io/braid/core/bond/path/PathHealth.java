package io.braid.core.bond.path;

/**
 * The health of one path, driven only by events and the caller's clock: probes and their acks give
 * RTT and loss while the path is idle; the receiver's feedback gives loss and proof of delivery
 * under traffic; silence while sending brings the path down fast.
 *
 * <pre>
 *            first ack                      limits reached (at once)
 *   DOWN ──────────────────> UP ─────────────────────────────> DEGRADED ──> SUSPENDED
 *    ^  <── silent too long ──┘ <─── below recoverRatio x limits for recoverHold ───┘
 *    │                                                                      │
 *    └───────────── silent too long (from any live state) ───────────────────┘
 *   DOWN ── recoveryAcks probe acks, no probe sent since the first of them lost ──> the state the figures call for
 * </pre>
 *
 * A path starts DOWN and comes up on its first ack. Losses seen during an outage are forgotten when
 * the path recovers: they measured the outage, not the link.
 */
public final class PathHealth {
    private static final long NONE = Long.MIN_VALUE;

    private final HealthTiming timing;
    private HealthThresholds thresholds;
    private final RttEstimator rtt = new RttEstimator();
    private final LossWindow loss = new LossWindow();
    private final ProbeTracker probes = new ProbeTracker();
    private final Liveness liveness = new Liveness();
    private PathState state = PathState.DOWN;
    private boolean everUp;
    private int recoveryAcks;
    private long streakStartSent = NONE;
    private long downSince;
    private long improvingSince = NONE;
    private long lastProbeSent = NONE;
    private boolean sentSinceProbe;
    private long lastOverfilledSend = NONE;

    public PathHealth(HealthThresholds thresholds, HealthTiming timing, long nowNanos) {
        this.thresholds = thresholds;
        this.timing = timing;
        this.downSince = nowNanos;
    }

    public void setThresholds(HealthThresholds thresholds, long nowNanos) {
        this.thresholds = thresholds;
        evaluate(nowNanos);
    }

    /**
     * Registers a probe sent now; returns the probe id to put in it. {@code overfilled} as for
     * {@link #onSent}: if the probe is lost, congestion this end caused is to blame, not the link.
     */
    public int onProbeSent(boolean overfilled, long nowNanos) {
        lastProbeSent = nowNanos;
        sentSinceProbe = false;
        liveness.onSend(nowNanos);
        return probes.onSent(overfilled, nowNanos);
    }

    /**
     * An ack for one of this path's probes. RTT = now - sent - the peer's ack delay. Returns the
     * RTT, or -1 (and changes nothing) when it answers no probe that is still waiting.
     */
    public long onProbeAck(int probeId, long echoedSentNanos, long ackDelayNanos, long nowNanos) {
        long sent = probes.onAck(probeId, echoedSentNanos);
        if (sent == NONE) return -1;
        long sample = Math.max(0, nowNanos - sent - Math.max(0, ackDelayNanos));
        rtt.add(sample, nowNanos);
        loss.record(1, 0, probes.sentIntoCongestion(probeId), nowNanos);
        liveness.onEvidence(nowNanos);
        if (state == PathState.DOWN) {
            if (recoveryAcks == 0) streakStartSent = sent;
            recoveryAcks++;
        }
        evaluate(nowNanos);
        return sample;
    }

    /**
     * The receiver's count since its previous feedback: packets that arrived and gaps it saw. The
     * losses are congestion this end caused when it overfilled the path within the span such a
     * report describes (two round trips and two feedback intervals back).
     */
    public void onFeedback(long arrived, long lost, long nowNanos) {
        long span = 2 * rtt.smoothedNanos() + 2 * timing.feedbackIntervalNanos();
        boolean congested = lastOverfilledSend != NONE && nowNanos - lastOverfilledSend <= span;
        loss.record(arrived + lost, lost, congested, nowNanos);
        if (arrived > 0) liveness.onEvidence(nowNanos);
        evaluate(nowNanos);
    }

    /**
     * A data (or other non-probe) packet went out on this path and should be confirmed;
     * {@code overfilled} when this end's queue model for the path was over the saturation
     * threshold: losses reported for that span are then congestion this end caused, not the link's
     * fault (see {@link #onFeedback} and {@link LossWindow}).
     */
    public void onSent(boolean overfilled, long nowNanos) {
        liveness.onSend(nowNanos);
        sentSinceProbe = true;
        if (overfilled) lastOverfilledSend = nowNanos;
    }

    /** Expires probes and applies timeouts; call at {@link #nextDeadlineNanos} (and whenever convenient). */
    public void poll(long nowNanos) {
        evaluate(nowNanos);
    }

    public PathState state() {
        return state;
    }

    public RttEstimator rtt() {
        return rtt;
    }

    /** Loss over the last few seconds, as measured (for status). */
    public double lossFraction(long nowNanos) {
        return loss.fraction(nowNanos);
    }

    /** The loss the link is judged by: congestion this end caused left out, few samples diluted (see {@link LossWindow}). */
    public double judgedLoss(long nowNanos) {
        return loss.evidence(nowNanos);
    }

    /** Silent longer than expected while something sent on it waits for confirmation. */
    public boolean suspect(long nowNanos) {
        return liveness.silentNanos(nowNanos) > timing.suspectAfterNanos(rtt);
    }

    /** When the next probe is due (now or earlier: due now); {@link Long#MAX_VALUE} when none is wanted. */
    public long nextProbeNanos(long nowNanos, boolean metered) {
        if (lastProbeSent == NONE) return nowNanos;
        return lastProbeSent + probeInterval(nowNanos, metered);
    }

    /** The earliest time something changes without an event: a probe due, a timeout, a hold ending. */
    public long nextDeadlineNanos(long nowNanos, boolean metered) {
        long next = nextProbeNanos(nowNanos, metered);
        long first = liveness.firstUnconfirmedNanos();
        if (first != NONE && state != PathState.DOWN) {
            // Turning suspect changes the probe interval; once suspect, that moment is past and must not recur.
            long suspectAt = first + timing.suspectAfterNanos(rtt) + 1;
            if (suspectAt > nowNanos) next = Math.min(next, suspectAt);
            next = Math.min(next, first + timing.downAfterNanos(rtt) + 1);
        }
        long oldestProbe = probes.oldestWaitingNanos();
        if (oldestProbe != NONE) next = Math.min(next, oldestProbe + timing.probeTimeoutNanos(rtt));
        if (improvingSince != NONE) next = Math.min(next, improvingSince + thresholds.recoverHoldNanos());
        return next;
    }

    private long probeInterval(long nowNanos, boolean metered) {
        if (state == PathState.DOWN) {
            return nowNanos - downSince > timing.downBackoffAfterNanos() ? timing.healthyProbeNanos() : timing.fastProbeNanos();
        }
        if (state != PathState.UP || suspect(nowNanos)) return timing.fastProbeNanos();
        if (sentSinceProbe) return timing.busyProbeNanos();
        return metered ? timing.meteredProbeNanos() : timing.healthyProbeNanos();
    }

    private void evaluate(long nowNanos) {
        int lostProbes = probes.expire(nowNanos, timing.probeTimeoutNanos(rtt));
        if (lostProbes > 0) {
            int blamedOnCongestion = probes.lostInCongestion();
            loss.record(blamedOnCongestion, blamedOnCongestion, true, nowNanos);
            loss.record(lostProbes - blamedOnCongestion, lostProbes - blamedOnCongestion, false, nowNanos);
            // Probes lost in the outage expire late; only a loss after the streak began breaks it.
            if (probes.newestLostSentNanos() >= streakStartSent) recoveryAcks = 0;
        }
        if (state == PathState.DOWN) {
            recoverIfProven();
        } else if (liveness.unconfirmedSends() >= 3 && liveness.silentNanos(nowNanos) > timing.downAfterNanos(rtt)) {
            state = PathState.DOWN;
            downSince = nowNanos;
            recoveryAcks = 0;
            improvingSince = NONE;
        } else {
            judgeQuality(nowNanos);
        }
    }

    private void recoverIfProven() {
        if (recoveryAcks < (everUp ? timing.recoveryAcks() : 1)) return;
        if (everUp) {
            loss.clear();
            probes.forgetSentBefore(streakStartSent);
        }
        everUp = true;
        recoveryAcks = 0;
        improvingSince = NONE;
        state = thresholds.classify(rtt.smoothedNanos(), 0, 1);
    }

    /** Worse at once; better only after the figures have stayed below the recovery levels for the hold. */
    private void judgeQuality(long nowNanos) {
        double lossEvidence = loss.evidence(nowNanos);
        long srtt = rtt.smoothedNanos();
        PathState called = thresholds.classify(srtt, lossEvidence, 1);
        if (called.worseThan(state)) {
            state = called;
            improvingSince = NONE;
            return;
        }
        PathState recovered = thresholds.classify(srtt, lossEvidence, thresholds.recoverRatio());
        if (!state.worseThan(recovered)) {
            improvingSince = NONE;
            return;
        }
        if (improvingSince == NONE) improvingSince = nowNanos;
        if (nowNanos - improvingSince >= thresholds.recoverHoldNanos()) {
            state = recovered;
            improvingSince = NONE;
        }
    }
}

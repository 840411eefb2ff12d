package io.braid.core.bond.path;

import io.braid.core.bond.cap.CapAccount;

/**
 * Everything the bonding engine knows about one WAN path: its configuration, health, delivery-rate
 * estimate, the scheduler's backlog model, throughput meters and data-cap account. Every send and
 * receive on the path passes through here so that all of them stay consistent.
 */
public final class BondPath {
    private static final int METER_BUCKETS = 10;
    private static final long METER_BUCKET_NANOS = 100_000_000L;

    private static final int PROBE_SLOTS = 32;

    private final int slot;
    private final long saturationDelayNanos;
    private final long[] modelQueueAtProbe = new long[PROBE_SLOTS];
    private PathConfig config;
    private CapAccount cap;
    private final PathHealth health;
    private final CapacityEstimator capacity;
    private final SendBacklog backlog = new SendBacklog();
    private final TimeBuckets sentBytes = new TimeBuckets(METER_BUCKETS, METER_BUCKET_NANOS);
    private final TimeBuckets receivedBytes = new TimeBuckets(METER_BUCKETS, METER_BUCKET_NANOS);
    private boolean hadFeedback;
    private long lastPackets;
    private long lastHighestCounter;

    /**
     * @param slot                 a small index (0..15) unique among the session's paths, for per-path scheduler state
     * @param saturationDelayNanos queue delay beyond which the path counts as overfilled by this end
     */
    public BondPath(int slot, PathConfig config, CapAccount cap, HealthTiming timing, long initialRateBps,
                    long saturationDelayNanos, long nowNanos) {
        this.slot = slot;
        this.saturationDelayNanos = saturationDelayNanos;
        this.config = config;
        this.cap = cap;
        this.health = new PathHealth(config.thresholds(), timing, nowNanos);
        this.capacity = new CapacityEstimator(initialRateBps, slot * 3);
    }

    public int id() {
        return config.id();
    }

    public int slot() {
        return slot;
    }

    public PathConfig config() {
        return config;
    }

    public void reconfigure(PathConfig newConfig, CapAccount newCap, long nowNanos) {
        this.config = newConfig;
        this.cap = newCap;
        health.setThresholds(newConfig.thresholds(), nowNanos);
    }

    public PathHealth health() {
        return health;
    }

    public CapAccount cap() {
        return cap;
    }

    public CapacityEstimator capacity() {
        return capacity;
    }

    /** Up or degraded, allowed to carry data and within its cap. */
    public boolean usable() {
        return health.state().carriesTraffic() && allowed();
    }

    /** Suspended but otherwise allowed: used only when no tier has a usable path. */
    public boolean lastResort() {
        return health.state() == PathState.SUSPENDED && allowed();
    }

    private boolean allowed() {
        return config.priority() != Priority.NEVER && !cap.exhausted();
    }

    /**
     * Half the base RTT: the one-way delay without queueing the scheduler assumes (the two ends'
     * clocks are not synchronised); queueing is what the backlog model adds.
     */
    public long oneWayDelayNanos() {
        return health.rtt().baseNanos() / 2;
    }

    public long queueDelayNanos(long nowNanos) {
        return backlog.queueDelayNanos(nowNanos);
    }

    /** When a packet of {@code bytes} sent now is expected to arrive: queue, transmission, one-way delay. */
    public long expectedDeliveryNanos(int bytes, long nowNanos) {
        return backlog.deliveryNanos(bytes, capacity.pacingBps(), oneWayDelayNanos(), nowNanos);
    }

    /** A datagram went out on this path (data, parity, feedback, keepalive). */
    public void onSent(int wireBytes, long nowNanos) {
        long queued = backlog.queueDelayNanos(nowNanos);
        if (queued > 0) capacity.markPushed();
        backlog.add(wireBytes, capacity.pacingBps(), nowNanos);
        health.onSent(queued > saturationDelayNanos, nowNanos);
        count(sentBytes, wireBytes, nowNanos);
    }

    /** A probe went out; returns its id. */
    public int onProbeSent(int wireBytes, long nowNanos) {
        long modelQueue = backlog.queueDelayNanos(nowNanos);
        backlog.add(wireBytes, capacity.pacingBps(), nowNanos);
        count(sentBytes, wireBytes, nowNanos);
        int probeId = health.onProbeSent(modelQueue > saturationDelayNanos, nowNanos);
        modelQueueAtProbe[probeId & (PROBE_SLOTS - 1)] = modelQueue;
        return probeId;
    }

    /**
     * A probe's ack: health learns the RTT; the backlog model learns how wrong it was when the probe
     * left (measured queueing = RTT - base RTT, against what the model held then) and is corrected
     * by the difference. Acks that match no waiting probe change nothing.
     */
    public void onProbeAck(int probeId, long echoedSentNanos, long ackDelayNanos, long nowNanos) {
        long rtt = health.onProbeAck(probeId, echoedSentNanos, ackDelayNanos, nowNanos);
        if (rtt < 0) return;
        long measuredQueue = Math.max(0, rtt - health.rtt().baseNanos());
        backlog.correct(measuredQueue - modelQueueAtProbe[probeId & (PROBE_SLOTS - 1)], nowNanos);
        capacity.onQueueMeasured(measuredQueue);
    }

    /** A datagram for this session arrived over this path. */
    public void onReceived(int wireBytes, long nowNanos) {
        count(receivedBytes, wireBytes, nowNanos);
    }

    /**
     * The receiver's report for this path: running totals of packets (u32, wrapping) and bytes, the
     * highest counter it saw here and the gaps since its previous report. A copy of a report already
     * seen (feedback may be sent on several paths) or one overtaken by a newer report is ignored.
     */
    public void onFeedback(long packets, long bytes, long highestCounter, long lostSinceLast, long nowNanos) {
        long arrived;
        if (hadFeedback) {
            int delta = (int) (packets - lastPackets);
            if (delta <= 0 || highestCounter < lastHighestCounter) return;
            arrived = delta;
        } else {
            arrived = packets & 0xFFFF_FFFFL;
        }
        hadFeedback = true;
        lastPackets = packets;
        lastHighestCounter = highestCounter;
        long lost = Math.max(0, lostSinceLast);
        health.onFeedback(arrived, lost, nowNanos);
        capacity.onFeedback(bytes, lost, nowNanos);
    }

    public long sentBitsPerSecond(long nowNanos) {
        return bitsPerSecond(sentBytes, nowNanos);
    }

    public long receivedBitsPerSecond(long nowNanos) {
        return bitsPerSecond(receivedBytes, nowNanos);
    }

    /** When the next probe is due; never while the link is over its cap (it carries nothing, not even probes). */
    public long nextProbeNanos(long nowNanos) {
        return cap.exhausted() ? Long.MAX_VALUE : health.nextProbeNanos(nowNanos, cap.capped());
    }

    public long nextDeadlineNanos(long nowNanos) {
        return cap.exhausted() ? Long.MAX_VALUE : health.nextDeadlineNanos(nowNanos, cap.capped());
    }

    private void count(TimeBuckets meter, int wireBytes, long nowNanos) {
        meter.add(wireBytes, nowNanos);
        cap.add(wireBytes);
    }

    private static long bitsPerSecond(TimeBuckets meter, long nowNanos) {
        return (long) (meter.perSecond(nowNanos) * 8);
    }
}

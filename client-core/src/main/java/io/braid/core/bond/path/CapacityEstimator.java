package io.braid.core.bond.path;

/**
 * How fast a path delivers, from the receiver's feedback: the bytes it reports received (a running
 * total) measured over at least {@link #MIN_SPAN_NANOS}, then a max filter over the last
 * {@link #SAMPLES} measurements, as BBR estimates bottleneck bandwidth. A measurement only counts
 * when the path was pushed (the scheduler had a queue on it) or when it beats the estimate: a
 * path that merely had little to carry says nothing about how much it could carry.
 *
 * <p>Probing up, only while the path is not rate-limited (its latest feedback reported no loss and
 * its last probe measured less than {@link #QUIET_QUEUE_NANOS} of queueing): {@link #pacingBps}
 * runs {@link #PROBE_GAIN} above the estimate for one feedback round in {@link #CYCLE}, so the
 * scheduler gives it a little more than it is known to carry and the estimate can grow. A path that
 * already queues is full: probing it would only reorder packets (the simulator shows a 99.9%
 * reorder hold of 9 ms instead of 2 ms on full links when probing regardless).
 */
public final class CapacityEstimator {
    public static final int SAMPLES = 10;
    public static final long MIN_SPAN_NANOS = 150_000_000L;
    public static final double PROBE_GAIN = 1.25;
    public static final int CYCLE = 8;
    public static final long QUIET_QUEUE_NANOS = 5_000_000L;
    private static final int HISTORY = 16;
    private static final long FLOOR_BPS = 64_000;

    private final long initialBps;
    private final long[] historyNanos = new long[HISTORY];
    private final long[] historyBytes = new long[HISTORY];
    private int historyCount;
    private int historyNext;
    private final long[] samples = new long[SAMPLES];
    private int sampleCount;
    private int sampleNext;
    private boolean pushed;
    private boolean cleanLastRound;
    private boolean queueQuiet = true;
    private int phase;

    /** @param phaseOffset spreads the probing rounds of a session's paths apart (any int) */
    public CapacityEstimator(long initialBps, int phaseOffset) {
        this.initialBps = Math.max(FLOOR_BPS, initialBps);
        this.phase = Math.floorMod(phaseOffset, CYCLE);
    }

    /** The scheduler had to queue on this path: it is carrying all it is believed to carry. */
    public void markPushed() {
        pushed = true;
    }

    /**
     * Feedback arrived: {@code totalBytes} is the receiver's running total for the path, and
     * {@code lost} the gaps it reported since its previous feedback.
     */
    public void onFeedback(long totalBytes, long lost, long nowNanos) {
        long sample = measure(totalBytes, nowNanos);
        if (sample > 0 && (pushed || sample > estimateBps())) {
            samples[sampleNext] = sample;
            sampleNext = (sampleNext + 1) % SAMPLES;
            if (sampleCount < SAMPLES) sampleCount++;
        }
        cleanLastRound = lost == 0;
        phase = pushed ? (phase + 1) % CYCLE : phase;
        pushed = false;
    }

    /** A probe measured this much queueing on the path (RTT above its base RTT). */
    public void onQueueMeasured(long queueNanos) {
        queueQuiet = queueNanos < QUIET_QUEUE_NANOS;
    }

    /** The delivery rate this path is believed to sustain, in bits per second. */
    public long estimateBps() {
        if (sampleCount == 0) return initialBps;
        long max = 0;
        for (int i = 0; i < sampleCount; i++) max = Math.max(max, samples[i]);
        return Math.max(FLOOR_BPS, max);
    }

    /** The rate the scheduler should plan with: the estimate, raised during a probing round. */
    public long pacingBps() {
        long estimate = estimateBps();
        return phase == 0 && cleanLastRound && queueQuiet ? (long) (estimate * PROBE_GAIN) : estimate;
    }

    /** Bits per second delivered since the newest history point at least {@link #MIN_SPAN_NANOS} old; 0 if none. */
    private long measure(long totalBytes, long nowNanos) {
        long sample = 0;
        for (int k = 1; k <= historyCount; k++) {
            int i = Math.floorMod(historyNext - k, HISTORY);
            long span = nowNanos - historyNanos[i];
            if (span >= MIN_SPAN_NANOS) {
                sample = (long) ((totalBytes - historyBytes[i]) * 8e9 / span);
                break;
            }
        }
        historyNanos[historyNext] = nowNanos;
        historyBytes[historyNext] = totalBytes;
        historyNext = (historyNext + 1) % HISTORY;
        if (historyCount < HISTORY) historyCount++;
        return Math.max(0, sample);
    }
}

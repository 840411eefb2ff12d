package io.braid.core.bench;

import io.braid.core.protocol.ReplayWindow;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Replay-window checks as the receiver does them (check before decrypting, mark after), per
 * counter, over a batch of 4096 counters: in order, and as two paths 40 packets apart deliver
 * them (reordered, with 5% duplicates). The ceiling is the least any duplicate filter must do:
 * test-and-set one bit per counter in a flat bitmap, with no window to slide or bound.
 * Goal: >= 50 M checks/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplayWindowBenchmark {
    private static final int BATCH = 4096;

    private final long[] inOrder = new long[BATCH];
    private final long[] twoPaths = new long[BATCH];
    private ReplayWindow window;
    private long base;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < BATCH; i++) {
            inOrder[i] = i;
            long c = (i % 2 == 0) ? i : Math.max(0, i - 40); // the slow path lags 40 packets
            twoPaths[i] = r.nextInt(20) == 0 ? Math.max(0, c - 1) : c;
        }
        window = new ReplayWindow();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int checkAndMarkInOrder() {
        return run(inOrder);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int checkAndMarkTwoPaths() {
        return run(twoPaths);
    }

    private final long[] flat = new long[1 << 14];

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ceilingFlatBitmap() {
        int fresh = 0;
        long b = base;
        for (long c : inOrder) {
            long counter = b + c;
            int word = (int) (counter >>> 6) & (flat.length - 1);
            long bit = 1L << counter;
            long old = flat[word];
            flat[word] = old | bit;
            if ((old & bit) == 0) fresh++;
        }
        base += BATCH;
        if ((base & ((flat.length << 6) - 1)) == 0) java.util.Arrays.fill(flat, 0); // recycle, as a window would
        return fresh;
    }

    private int run(long[] counters) {
        int fresh = 0;
        long b = base;
        for (long c : counters) {
            long counter = b + c;
            if (window.check(counter) == ReplayWindow.FRESH && window.mark(counter)) fresh++;
        }
        base += BATCH;
        return fresh;
    }
}

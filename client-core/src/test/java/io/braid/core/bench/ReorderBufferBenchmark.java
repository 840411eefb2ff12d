package io.braid.core.bench;

import io.braid.core.protocol.HoldTimeEstimator;
import io.braid.core.protocol.ReorderBuffer;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The reorder buffer on 1400-byte packets, per packet over a batch of 1024: in order (passed
 * straight through), and bonded over two paths where the slow one lags 8 packets (every other
 * packet waits in a slot and is copied there). The ceiling copies every packet once into a slot
 * and hands it on: the memory work a reordering receiver cannot avoid. Goal: >= 5 M packets/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReorderBufferBenchmark {
    private static final int BATCH = 1024;
    private static final int SIZE = 1400;

    private final long[] inOrder = new long[BATCH];
    private final long[] twoPaths = new long[BATCH];
    private ReorderBuffer buffer;
    private ByteBuffer packet;
    private ByteBuffer slab;
    private long base;
    private Blackhole hole;
    private final ReorderBuffer.Sink sink = (counter, p) -> hole.consume(p.remaining());

    @Setup(Level.Trial)
    public void setUp(Blackhole bh) {
        hole = bh;
        for (int i = 0; i < BATCH; i++) inOrder[i] = i;
        // fast path carries odd counters on time, slow path even ones 8 packets late
        int k = 0;
        for (int i = 0; i < BATCH; i += 16) {
            for (int j = 1; j < 16; j += 2) twoPaths[k++] = i + j;
            for (int j = 0; j < 16; j += 2) twoPaths[k++] = i + j;
        }
        buffer = new ReorderBuffer(1024, 1500, new HoldTimeEstimator(1_000_000, 30_000_000, 500_000_000), 0);
        packet = ByteBuffer.allocateDirect(SIZE);
        slab = ByteBuffer.allocateDirect(1024 * 1500);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long offerInOrder() {
        return run(inOrder);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long offerTwoPaths() {
        return run(twoPaths);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ceilingCopyEachPacketOnce() {
        for (int i = 0; i < BATCH; i++) {
            int off = (i & 1023) * 1500;
            slab.put(off, packet, 0, SIZE);
            hole.consume(slab.get(off));
        }
        return base++;
    }

    private long run(long[] counters) {
        long b = base;
        for (long c : counters) buffer.offer(b + c, packet, 0, sink);
        base += BATCH;
        return buffer.nextCounter();
    }
}

package io.braid.core.bench;

import io.braid.core.fec.ReedSolomon;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RS(10,3) over 1400-byte shards: encoding 3 parity shards, and decoding 3 lost data shards
 * (the worst case). One operation is one group: 14,000 data bytes, so MB/s = ops/s x 0.014.
 * The ceiling is plain XOR parity of the same shards into 3 outputs (the same loops and memory
 * traffic with no field multiplication). Goal: >= 500 MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReedSolomonBenchmark {
    private static final int K = 10;
    private static final int M = 3;
    private static final int SHARD = 1400;

    private ReedSolomon rs;
    private byte[][] shards;
    private byte[][] data;
    private byte[][] parity;
    private boolean[] present;

    @Setup(Level.Trial)
    public void setUp() {
        rs = new ReedSolomon(K, M);
        shards = new byte[K + M][SHARD];
        Random r = new Random(1);
        for (int i = 0; i < K; i++) r.nextBytes(shards[i]);
        data = java.util.Arrays.copyOf(shards, K);
        parity = java.util.Arrays.copyOfRange(shards, K, K + M);
        rs.encode(data, parity, SHARD);
        present = new boolean[K + M];
        java.util.Arrays.fill(present, true);
        present[0] = present[4] = present[9] = false; // three data shards lost
    }

    @Benchmark
    public byte[][] encode() {
        rs.encode(data, parity, SHARD);
        return parity;
    }

    @Benchmark
    public boolean decodeThreeLost() {
        return rs.decode(shards, present, SHARD);
    }

    @Benchmark
    public byte[][] ceilingXorParity() {
        for (int p = 0; p < M; p++) {
            byte[] out = parity[p];
            System.arraycopy(data[0], 0, out, 0, SHARD);
            for (int i = 1; i < K; i++) {
                byte[] in = data[i];
                for (int b = 0; b < SHARD; b++) out[b] ^= in[b];
            }
        }
        return parity;
    }
}

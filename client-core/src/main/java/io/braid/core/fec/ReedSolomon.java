package io.braid.core.fec;

/**
 * A systematic Reed-Solomon erasure code over GF(2^8): {@code k} data shards plus {@code m}
 * parity shards, any {@code k} of the {@code k + m} rebuild the data, so any {@code m} losses in a
 * group are recovered.
 *
 * <p>Written here rather than taken from a library: no maintained Reed-Solomon erasure coder is
 * published on Maven Central (Backblaze's JavaReedSolomon never was, and Hadoop's comes with all
 * of hadoop-common). The construction is the usual one (Plank's tutorial, Backblaze's code): a
 * (k+m) x k Vandermonde matrix times the inverse of its top k x k square, so the top is the
 * identity (data shards go out unchanged) and every k x k selection of rows stays invertible.
 *
 * <p>Encoding costs one table lookup and XOR per byte per (data, parity) pair. Decoding inverts
 * the k x k matrix of the rows that arrived (cached for the last loss pattern) and then costs the
 * same per rebuilt shard. Instances keep scratch arrays: not thread-safe, no allocation per call.
 */
public final class ReedSolomon {
    public static final int MAX_SHARDS = 256;

    private final int k;
    private final int m;
    private final byte[][] matrix;
    private final byte[][] sub;
    private final byte[][] inverse;
    private final byte[][] work;
    private final int[] chosen;
    private final byte[][] coefficients;
    private long cachedPattern = -1;

    public ReedSolomon(int dataShards, int parityShards) {
        if (dataShards < 1 || parityShards < 1 || dataShards + parityShards > MAX_SHARDS) {
            throw new IllegalArgumentException("need k >= 1, m >= 1, k + m <= " + MAX_SHARDS);
        }
        this.k = dataShards;
        this.m = parityShards;
        byte[][] v = GaloisMatrix.vandermonde(k + m, k);
        byte[][] top = new byte[k][];
        System.arraycopy(v, 0, top, 0, k);
        byte[][] topInverse = GaloisMatrix.square(k);
        if (!GaloisMatrix.invert(top, topInverse, new byte[k][2 * k], k)) throw new AssertionError("Vandermonde top is invertible");
        this.matrix = GaloisMatrix.multiply(v, topInverse);
        this.sub = GaloisMatrix.square(k);
        this.inverse = GaloisMatrix.square(k);
        this.work = new byte[k][2 * k];
        this.chosen = new int[k];
        this.coefficients = new byte[k][];
    }

    public int dataShards() {
        return k;
    }

    public int parityShards() {
        return m;
    }

    /** Computes {@code parity[0..m)[0, length)} from {@code data[0..k)[0, length)}. */
    public void encode(byte[][] data, byte[][] parity, int length) {
        for (int p = 0; p < m; p++) {
            combine(matrix[k + p], data, parity[p], length);
        }
    }

    /**
     * Rebuilds the missing data shards in place. {@code shards} holds k data then m parity
     * shards, each at least {@code length} long; {@code present[i]} says which arrived (missing
     * data shards are overwritten; missing parity is not rebuilt).
     *
     * @return false when fewer than k shards are present (nothing is changed)
     */
    public boolean decode(byte[][] shards, boolean[] present, int length) {
        int found = 0;
        long pattern = 0;
        for (int i = 0; i < k + m && found < k; i++) {
            if (present[i]) {
                chosen[found++] = i;
                if (i < 64) pattern |= 1L << i; else pattern = -2; // too wide to cache
            }
        }
        if (found < k) return false;
        boolean anyMissing = false;
        for (int i = 0; i < k; i++) anyMissing |= !present[i];
        if (!anyMissing) return true;
        if (pattern != cachedPattern || pattern == -2) {
            for (int r = 0; r < k; r++) System.arraycopy(matrix[chosen[r]], 0, sub[r], 0, k);
            if (!GaloisMatrix.invert(sub, inverse, work, k)) throw new AssertionError("any k rows are independent");
            cachedPattern = pattern;
        }
        for (int r = 0; r < k; r++) coefficients[r] = shards[chosen[r]];
        for (int i = 0; i < k; i++) {
            if (!present[i]) combine(inverse[i], coefficients, shards[i], length);
        }
        return true;
    }

    /** out = sum over j of row[j] x inputs[j], bytewise over [0, length). */
    private void combine(byte[] row, byte[][] inputs, byte[] out, int length) {
        byte[] mul = GaloisField.MUL[row[0] & 0xFF];
        byte[] in = inputs[0];
        for (int b = 0; b < length; b++) out[b] = mul[in[b] & 0xFF];
        for (int j = 1; j < k; j++) {
            mul = GaloisField.MUL[row[j] & 0xFF];
            in = inputs[j];
            for (int b = 0; b < length; b++) out[b] ^= mul[in[b] & 0xFF];
        }
    }
}

package io.braid.core.protocol;

import io.braid.core.fec.ReedSolomon;
import java.nio.ByteBuffer;

/**
 * The sending side of FEC: collects the plaintext of up to {@code k} member packets as they are
 * sealed, then produces the group's {@code m} parity bodies (see {@link FecGroupFormat}). Only a
 * mode that asks for FEC uses one; no parity is sent otherwise.
 *
 * <pre>
 * if (encoder.add(counter, type, body)) {                 // group full
 *     for (int i = 0; i &lt; encoder.parityCount(); i++) { encoder.writeParity(i, buf); seal(buf, FEC_PARITY) }
 *     encoder.reset();
 * }
 * // and on a short timer, flush a partial group the same way: if (!encoder.isEmpty()) encoder.finish();
 * </pre>
 */
public final class FecGroupEncoder {
    private final int k;
    private final int m;
    private final int maxShardBytes;
    private final byte[][] shards;
    private final byte[][] parity;
    private final long[] counters;
    private final ReedSolomon[] codecs; // by member count, made on first use
    private int members;
    private int shardLength;
    private boolean finished;

    /** @param maxBodyBytes the largest member body (plaintext) to protect */
    public FecGroupEncoder(int k, int m, int maxBodyBytes) {
        if (k < 1 || k > FecGroupFormat.MAX_DATA || m < 1 || m > FecGroupFormat.MAX_PARITY) {
            throw new IllegalArgumentException("need 1 <= k <= " + FecGroupFormat.MAX_DATA + ", 1 <= m <= " + FecGroupFormat.MAX_PARITY);
        }
        this.k = k;
        this.m = m;
        this.maxShardBytes = maxBodyBytes + FecGroupFormat.SHARD_PREFIX;
        this.shards = new byte[k][maxShardBytes];
        this.parity = new byte[m][maxShardBytes];
        this.counters = new long[k];
        this.codecs = new ReedSolomon[k + 1];
    }

    /** Whether {@code counter} can join the current group (deltas are 16 bits; full groups take none). */
    public boolean canAdd(long counter) {
        return !finished && members < k && (members == 0 || counter - counters[0] <= 0xFFFF && counter > counters[members - 1]);
    }

    /**
     * Adds a member that was just sealed with {@link PacketFlags#FEC_MEMBER}: its counter, type and
     * plaintext body (position to limit, not moved).
     *
     * @return true when the group is full and its parity has been computed
     */
    public boolean add(long counter, PacketType type, ByteBuffer body) {
        if (!canAdd(counter)) throw new IllegalStateException("finish the group first (full, finished or counter out of reach)");
        int length = body.remaining();
        if (length + FecGroupFormat.SHARD_PREFIX > maxShardBytes) throw new IllegalArgumentException("body too large for FEC");
        byte[] s = shards[members];
        s[0] = (byte) type.code();
        s[1] = (byte) (length >>> 8);
        s[2] = (byte) length;
        body.get(body.position(), s, FecGroupFormat.SHARD_PREFIX, length);
        int used = length + FecGroupFormat.SHARD_PREFIX;
        counters[members++] = counter;
        if (used > shardLength) {
            // zero the tails of earlier, shorter shards up to the new group width
            for (int i = 0; i < members - 1; i++) java.util.Arrays.fill(shards[i], shardLength, used, (byte) 0);
            shardLength = used;
        } else {
            java.util.Arrays.fill(s, used, shardLength, (byte) 0);
        }
        if (members == k) {
            finish();
            return true;
        }
        return false;
    }

    /** Computes parity over the members so far (a partial group when flushed by a timer). */
    public void finish() {
        if (members == 0) throw new IllegalStateException("empty group");
        ReedSolomon rs = codecs[members];
        if (rs == null) rs = codecs[members] = new ReedSolomon(members, m);
        rs.encode(shards, parity, shardLength);
        finished = true;
    }

    public boolean isEmpty() {
        return members == 0;
    }

    public boolean isFinished() {
        return finished;
    }

    public int parityCount() {
        return m;
    }

    /** Bytes {@link #writeParity} will write. */
    public int parityBodyBytes() {
        return FecGroupFormat.parityHeaderBytes(members) + shardLength;
    }

    /** Writes parity body {@code index} of the finished group into {@code out} at its position. */
    public void writeParity(int index, ByteBuffer out) {
        if (!finished) throw new IllegalStateException("finish() first");
        out.put((byte) members).put((byte) m).put((byte) index).put((byte) 0);
        out.putShort((short) shardLength).putLong(counters[0]);
        for (int i = 1; i < members; i++) out.putShort((short) (counters[i] - counters[0]));
        out.put(parity[index], 0, shardLength);
    }

    /** Starts the next group. */
    public void reset() {
        members = 0;
        shardLength = 0;
        finished = false;
    }
}

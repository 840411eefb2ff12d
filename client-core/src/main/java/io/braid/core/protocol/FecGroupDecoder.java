package io.braid.core.protocol;

import io.braid.core.fec.ReedSolomon;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The receiving side of FEC. Every member packet received is {@link #remember remembered} (its
 * shard copied into a ring indexed by counter); every parity packet opens or joins its group. As
 * soon as a group has k of its k + m shards, the missing members are rebuilt and handed to the
 * sink, which treats them as if they had arrived (replay window, reassembly, reorder).
 *
 * <p>Bounded: a ring of {@code historySlots} member shards and {@code groupSlots} open groups,
 * allocated on first use; a group is given up {@code groupTimeoutNanos} after its first parity
 * (or evicted by a newer one when all slots are busy).
 */
public final class FecGroupDecoder {
    /** Receives rebuilt members; the body (position to limit) is valid only during the call. */
    @FunctionalInterface
    public interface Sink {
        void recovered(long counter, PacketType type, ByteBuffer body);
    }

    private final int historyMask;
    private final int maxShardBytes;
    private final long groupTimeoutNanos;
    private final long[] historyCounter;
    private final int[] historyLength;
    private byte[][] historyShards;

    private final int groupSlots;
    private final long[] groupFirst;
    private final int[] groupK;
    private final int[] groupM;
    private final int[] groupShardLength;
    private final long[] groupStarted;
    private final long[][] groupMembers;
    private final long[] groupParityMask;
    private final byte[][][] groupParity;

    private final ReedSolomon[][] codecs = new ReedSolomon[FecGroupFormat.MAX_DATA + 1][FecGroupFormat.MAX_PARITY + 1];
    private final byte[][] decodeShards = new byte[FecGroupFormat.MAX_DATA + FecGroupFormat.MAX_PARITY][];
    private final boolean[] decodePresent = new boolean[FecGroupFormat.MAX_DATA + FecGroupFormat.MAX_PARITY];
    private final byte[][] rebuilt = new byte[FecGroupFormat.MAX_DATA][];
    private final ByteBuffer[] rebuiltViews = new ByteBuffer[FecGroupFormat.MAX_DATA];
    private final long[] parsedMembers = new long[FecGroupFormat.MAX_DATA];

    private long recoveredPackets;
    private long groupsWhole;
    private long groupsRepaired;
    private long groupsLost;

    public FecGroupDecoder(int historySlots, int groupSlots, int maxBodyBytes, long groupTimeoutNanos) {
        if (historySlots < 2 || Integer.bitCount(historySlots) != 1 || groupSlots < 1 || groupTimeoutNanos <= 0) {
            throw new IllegalArgumentException("historySlots: power of two >= 2; groupSlots >= 1; timeout > 0");
        }
        this.historyMask = historySlots - 1;
        this.maxShardBytes = maxBodyBytes + FecGroupFormat.SHARD_PREFIX;
        this.groupTimeoutNanos = groupTimeoutNanos;
        this.historyCounter = new long[historySlots];
        this.historyLength = new int[historySlots];
        Arrays.fill(historyCounter, -1);
        this.groupSlots = groupSlots;
        groupFirst = new long[groupSlots];
        groupK = new int[groupSlots];
        groupM = new int[groupSlots];
        groupShardLength = new int[groupSlots];
        groupStarted = new long[groupSlots];
        groupMembers = new long[groupSlots][FecGroupFormat.MAX_DATA];
        groupParityMask = new long[groupSlots];
        groupParity = new byte[groupSlots][FecGroupFormat.MAX_PARITY][];
        Arrays.fill(groupFirst, -1);
    }

    /** Keeps the shard of a received member (flagged {@link PacketFlags#FEC_MEMBER}); may complete a group. */
    public void remember(long counter, PacketType type, ByteBuffer body, long nowNanos, Sink sink) {
        int length = body.remaining();
        if (length + FecGroupFormat.SHARD_PREFIX > maxShardBytes) return; // cannot be a member of a valid group
        if (historyShards == null) historyShards = new byte[historyMask + 1][maxShardBytes];
        int slot = (int) counter & historyMask;
        byte[] s = historyShards[slot];
        s[0] = (byte) type.code();
        s[1] = (byte) (length >>> 8);
        s[2] = (byte) length;
        body.get(body.position(), s, FecGroupFormat.SHARD_PREFIX, length);
        historyCounter[slot] = counter;
        historyLength[slot] = length + FecGroupFormat.SHARD_PREFIX;
        for (int g = 0; g < groupSlots; g++) {
            if (groupFirst[g] >= 0 && counter >= groupFirst[g] && counter <= groupFirst[g] + 0xFFFF) {
                tryRepair(g, sink);
            }
        }
    }

    /**
     * Takes an authenticated FEC_PARITY body (position to limit, not moved).
     *
     * @return false when it is malformed or contradicts its group (count it as {@link DropReason#BAD_PARITY})
     */
    public boolean onParity(ByteBuffer body, long nowNanos, Sink sink) {
        expire(nowNanos);
        int p = body.position();
        int remaining = body.remaining();
        if (remaining < FecGroupFormat.FIXED_HEADER) return false;
        int k = body.get(p) & 0xFF;
        int m = body.get(p + 1) & 0xFF;
        int index = body.get(p + 2) & 0xFF;
        int shardLength = body.getShort(p + 4) & 0xFFFF;
        long first = body.getLong(p + 6);
        if (k < 1 || k > FecGroupFormat.MAX_DATA || m < 1 || m > FecGroupFormat.MAX_PARITY || index >= m
                || body.get(p + 3) != 0 || first < 0 || shardLength < FecGroupFormat.SHARD_PREFIX
                || shardLength > maxShardBytes || remaining != FecGroupFormat.parityHeaderBytes(k) + shardLength) {
            return false;
        }
        parsedMembers[0] = first;
        for (int i = 1; i < k; i++) {
            parsedMembers[i] = first + (body.getShort(p + FecGroupFormat.FIXED_HEADER + 2 * (i - 1)) & 0xFFFF);
            if (parsedMembers[i] <= parsedMembers[i - 1]) return false;
        }
        int g = find(first);
        if (g < 0) {
            g = claim(first, k, m, shardLength, nowNanos);
        } else if (groupK[g] != k || groupM[g] != m || groupShardLength[g] != shardLength
                || !Arrays.equals(groupMembers[g], 0, k, parsedMembers, 0, k)) {
            free(g);
            return false;
        }
        if ((groupParityMask[g] & (1L << index)) == 0) {
            if (groupParity[g][index] == null) groupParity[g][index] = new byte[maxShardBytes];
            body.get(p + FecGroupFormat.parityHeaderBytes(k), groupParity[g][index], 0, shardLength);
            groupParityMask[g] |= 1L << index;
        }
        tryRepair(g, sink);
        return true;
    }

    /** Gives up groups older than the timeout. */
    public void expire(long nowNanos) {
        for (int g = 0; g < groupSlots; g++) {
            if (groupFirst[g] >= 0 && nowNanos - groupStarted[g] >= groupTimeoutNanos) {
                groupsLost++;
                free(g);
            }
        }
    }

    private void tryRepair(int g, Sink sink) {
        int k = groupK[g];
        int m = groupM[g];
        int shardLength = groupShardLength[g];
        int have = 0;
        for (int i = 0; i < k; i++) {
            long c = groupMembers[g][i];
            int slot = (int) c & historyMask;
            boolean present = historyShards != null && historyCounter[slot] == c;
            decodePresent[i] = present;
            if (present) {
                if (historyLength[slot] > shardLength) { // contradicts the group: cannot be rebuilt honestly
                    groupsLost++;
                    free(g);
                    return;
                }
                have++;
            }
        }
        if (have == k) {
            groupsWhole++;
            free(g);
            return;
        }
        int parities = Long.bitCount(groupParityMask[g]);
        if (have + parities < k) return;
        for (int i = 0; i < k; i++) {
            if (decodePresent[i]) {
                int slot = (int) groupMembers[g][i] & historyMask;
                byte[] s = historyShards[slot];
                Arrays.fill(s, historyLength[slot], shardLength, (byte) 0); // members were zero-padded when encoded
                decodeShards[i] = s;
            } else {
                if (rebuilt[i] == null) {
                    rebuilt[i] = new byte[maxShardBytes];
                    rebuiltViews[i] = ByteBuffer.wrap(rebuilt[i]);
                }
                decodeShards[i] = rebuilt[i];
            }
        }
        for (int j = 0; j < m; j++) {
            decodePresent[k + j] = (groupParityMask[g] & (1L << j)) != 0;
            decodeShards[k + j] = groupParity[g][j];
        }
        ReedSolomon rs = codecs[k][m];
        if (rs == null) rs = codecs[k][m] = new ReedSolomon(k, m);
        rs.decode(decodeShards, decodePresent, shardLength);
        groupsRepaired++;
        long[] members = groupMembers[g];
        free(g);
        for (int i = 0; i < k; i++) {
            if (decodePresent[i]) continue;
            byte[] s = rebuilt[i];
            PacketType type = PacketType.fromCode(s[0] & 0xFF);
            int length = ((s[1] & 0xFF) << 8) | (s[2] & 0xFF);
            if (type == null || !type.carriesInnerPacket() || length + FecGroupFormat.SHARD_PREFIX > shardLength) continue;
            recoveredPackets++;
            keepRebuilt(members[i], s, length + FecGroupFormat.SHARD_PREFIX);
            ByteBuffer view = rebuiltViews[i];
            view.clear().position(FecGroupFormat.SHARD_PREFIX).limit(FecGroupFormat.SHARD_PREFIX + length);
            sink.recovered(members[i], type, view);
        }
    }

    /**
     * Files a rebuilt member in the history as if it had arrived: the group's remaining parity
     * packets (and the late original, dropped as a duplicate) then find it there instead of
     * opening a group that could never complete.
     */
    private void keepRebuilt(long counter, byte[] shard, int used) {
        int slot = (int) counter & historyMask;
        System.arraycopy(shard, 0, historyShards[slot], 0, used);
        historyCounter[slot] = counter;
        historyLength[slot] = used;
    }

    private int find(long first) {
        for (int g = 0; g < groupSlots; g++) if (groupFirst[g] == first) return g;
        return -1;
    }

    private int claim(long first, int k, int m, int shardLength, long nowNanos) {
        int victim = Slots.freeOrOldest(groupFirst, groupStarted);
        if (groupFirst[victim] >= 0) groupsLost++;
        groupFirst[victim] = first;
        groupK[victim] = k;
        groupM[victim] = m;
        groupShardLength[victim] = shardLength;
        groupStarted[victim] = nowNanos;
        groupParityMask[victim] = 0;
        System.arraycopy(parsedMembers, 0, groupMembers[victim], 0, k);
        return victim;
    }

    private void free(int g) {
        groupFirst[g] = -1;
    }

    /** Member packets rebuilt from parity. */
    public long recoveredPackets() {
        return recoveredPackets;
    }

    /** Groups whose members all arrived (parity not needed). */
    public long groupsWhole() {
        return groupsWhole;
    }

    /** Groups with losses that parity repaired. */
    public long groupsRepaired() {
        return groupsRepaired;
    }

    /** Groups given up with losses parity could not cover (too many losses, timeout, eviction). */
    public long groupsLost() {
        return groupsLost;
    }
}

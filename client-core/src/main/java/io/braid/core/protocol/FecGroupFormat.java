package io.braid.core.protocol;

/**
 * Layout of FEC groups on the wire. The sender marks each member packet (DATA or FRAGMENT) with
 * {@link PacketFlags#FEC_MEMBER}; once {@code k} members are sealed (or a timer flushes a partial
 * group) it sends {@code m} FEC_PARITY packets whose bodies are:
 *
 * <pre>
 *  0       k           (u8, 1..64)  members in the group
 *  1       m           (u8, 1..16)  parity packets of the group
 *  2       index       (u8, 0..m-1) which parity this is
 *  3       reserved    (u8, 0)
 *  4..5    shard length (u16)       length of every shard of the group
 *  6..13   first counter (u64)      counter of member 0
 *  14..    k-1 deltas  (u16 each)   counter of member i minus counter of member 0, ascending
 *  then    parity shard (shard length bytes)
 * </pre>
 *
 * A member's shard is {@code type (u8) | body length (u16) | body} of its plaintext, zero-padded
 * to the shard length; parity i is row k+i of the Reed-Solomon code over those shards. Parity
 * refers to members by counter, so control packets may interleave with a group freely. The m
 * parity packets of a group are sealed back to back (consecutive counters): a receiver that got
 * any of them skips its siblings' counters in the reorder buffer, so a lost parity packet does
 * not hold data back.
 */
public final class FecGroupFormat {
    private FecGroupFormat() {}

    public static final int MAX_DATA = 64;
    public static final int MAX_PARITY = 16;
    /** type + body length before the body in a shard. */
    public static final int SHARD_PREFIX = 3;
    static final int FIXED_HEADER = 14;

    /** Bytes of a parity body before its shard, for {@code k} members. */
    public static int parityHeaderBytes(int k) {
        return FIXED_HEADER + 2 * (k - 1);
    }
}

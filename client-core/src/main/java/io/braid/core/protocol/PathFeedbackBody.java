package io.braid.core.protocol;

import java.nio.ByteBuffer;

/**
 * PATH_FEEDBACK body: what the receiver saw on each path since its last feedback.
 *
 * <pre>
 * count (u8, 1..16) | reserved (u8, 0) | count x entry
 * entry (28 bytes): path id (u16) | reserved (u16, 0) | packets (u32) | bytes (u64)
 *                   | highest counter (u64) | lost since last feedback (u32)
 * </pre>
 * Packets and bytes are cumulative (wrapping); losses are gaps in the path sequence since the
 * previous feedback. A reusable view with fixed arrays.
 */
public final class PathFeedbackBody {
    public static final int MAX_ENTRIES = 16;
    public static final int ENTRY_BYTES = 28;

    private int count;
    private final int[] pathId = new int[MAX_ENTRIES];
    private final long[] packets = new long[MAX_ENTRIES];
    private final long[] bytes = new long[MAX_ENTRIES];
    private final long[] highestCounter = new long[MAX_ENTRIES];
    private final long[] lost = new long[MAX_ENTRIES];

    public static int size(int entries) {
        return 2 + entries * ENTRY_BYTES;
    }

    public boolean read(ByteBuffer body) {
        int p = body.position();
        if (body.remaining() < 2) return false;
        int n = body.get(p) & 0xFF;
        if (n < 1 || n > MAX_ENTRIES || body.get(p + 1) != 0 || body.remaining() != size(n)) return false;
        for (int i = 0; i < n; i++) {
            int e = p + 2 + i * ENTRY_BYTES;
            if (body.getShort(e + 2) != 0) return false;
            long highest = body.getLong(e + 16);
            if (highest < -1) return false;
            pathId[i] = body.getShort(e) & 0xFFFF;
            packets[i] = Integer.toUnsignedLong(body.getInt(e + 4));
            bytes[i] = body.getLong(e + 8);
            highestCounter[i] = highest;
            lost[i] = Integer.toUnsignedLong(body.getInt(e + 24));
        }
        count = n;
        return true;
    }

    public int count() {
        return count;
    }

    public int pathId(int i) {
        return pathId[i];
    }

    public long packets(int i) {
        return packets[i];
    }

    public long bytes(int i) {
        return bytes[i];
    }

    public long highestCounter(int i) {
        return highestCounter[i];
    }

    public long lost(int i) {
        return lost[i];
    }
}

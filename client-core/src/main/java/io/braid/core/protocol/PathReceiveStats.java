package io.braid.core.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Per-path receive accounting for PATH_FEEDBACK: packets, bytes, highest counter, and losses
 * from gaps in each path's sequence (RFC 3550's expected-minus-received, reset at each report).
 * A few paths in small arrays; no allocation.
 */
public final class PathReceiveStats {
    private final int[] pathIds;
    private final long[] packets;
    private final long[] bytes;
    private final long[] highestCounter;
    private final long[] highestSeq; // unwrapped path sequence
    private final long[] expectedAtReport;
    private final long[] receivedAtReport;
    private int size;

    public PathReceiveStats(int maxPaths) {
        pathIds = new int[maxPaths];
        packets = new long[maxPaths];
        bytes = new long[maxPaths];
        highestCounter = new long[maxPaths];
        highestSeq = new long[maxPaths];
        expectedAtReport = new long[maxPaths];
        receivedAtReport = new long[maxPaths];
        Arrays.fill(pathIds, -1);
    }

    /** Records one authenticated packet. Paths beyond the table's size are not tracked. */
    public void record(int pathId, int pathSequence, long counter, int wireBytes) {
        int i = indexOf(pathId);
        if (i < 0) {
            if (size == pathIds.length) return;
            i = size++;
            pathIds[i] = pathId;
            highestSeq[i] = Integer.toUnsignedLong(pathSequence);
            highestCounter[i] = -1;
            expectedAtReport[i] = highestSeq[i];
        } else {
            int delta = pathSequence - (int) highestSeq[i]; // signed distance on the 32-bit circle
            if (delta > 0) highestSeq[i] += delta;
        }
        packets[i]++;
        bytes[i] += wireBytes;
        highestCounter[i] = Math.max(highestCounter[i], counter);
    }

    private int indexOf(int pathId) {
        for (int i = 0; i < size; i++) if (pathIds[i] == pathId) return i;
        return -1;
    }

    /** Paths seen so far. */
    public int paths() {
        return size;
    }

    public long packets(int pathId) {
        int i = indexOf(pathId);
        return i < 0 ? 0 : packets[i];
    }

    /** Losses on the path since the last report (not yet reported). */
    public long pendingLosses(int pathId) {
        int i = indexOf(pathId);
        return i < 0 ? 0 : lossesSinceReport(i);
    }

    private long lossesSinceReport(int i) {
        long expected = highestSeq[i] + 1 - expectedAtReport[i];
        long received = packets[i] - receivedAtReport[i];
        return Math.max(0, expected - received);
    }

    /**
     * Writes a PATH_FEEDBACK body for up to 16 paths into {@code out} and starts the next
     * reporting interval. Returns the number of entries (0 writes nothing).
     */
    public int writeFeedback(ByteBuffer out) {
        int n = Math.min(size, PathFeedbackBody.MAX_ENTRIES);
        if (n == 0) return 0;
        out.put((byte) n).put((byte) 0);
        for (int i = 0; i < n; i++) {
            long lost = lossesSinceReport(i);
            out.putShort((short) pathIds[i]).putShort((short) 0).putInt((int) packets[i]).putLong(bytes[i])
                    .putLong(highestCounter[i]).putInt((int) Math.min(lost, 0xFFFF_FFFFL));
            expectedAtReport[i] = highestSeq[i] + 1;
            receivedAtReport[i] = packets[i];
        }
        return n;
    }
}

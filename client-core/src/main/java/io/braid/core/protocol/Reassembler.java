package io.braid.core.protocol;

import java.nio.ByteBuffer;

/**
 * Rebuilds fragmented inner packets, within fixed bounds: at most {@code slots} packets in
 * progress, each at most {@code maxPacketBytes}, each given up {@code timeoutNanos} after its
 * first fragment arrived. When all slots are busy the oldest is evicted. Fragments that
 * contradict their packet (count, chunk layout, bounds) are rejected and their packet dropped.
 * Duplicates never get here: the replay window has already removed them.
 */
public final class Reassembler {
    /** {@link #add} result: the packet is not complete yet. */
    public static final int PENDING = 0;
    /** {@link #add} result: the packet is complete: read {@link #completed()}. */
    public static final int COMPLETE = 1;
    /** {@link #add} result: the fragment was invalid (count it as {@link DropReason#BAD_FRAGMENT}). */
    public static final int REJECTED = -1;

    private final int slots;
    private final int maxPacketBytes;
    private final long timeoutNanos;
    private final long[] base;
    private final int[] count;
    private final long[] received;
    private final int[] chunk;
    private final int[] bytes;
    private final int[] total;
    private final long[] startedAt;
    private ByteBuffer slab;
    private ByteBuffer view;
    private long completedCounter = -1;

    private long completedPackets;
    private long expired;
    private long evicted;
    private long rejected;

    public Reassembler(int slots, int maxPacketBytes, long timeoutNanos) {
        if (slots < 1 || maxPacketBytes < 1 || maxPacketBytes > 0xFFFF || timeoutNanos <= 0) {
            throw new IllegalArgumentException("need slots >= 1, 1 <= maxPacketBytes <= 65535, timeout > 0");
        }
        this.slots = slots;
        this.maxPacketBytes = maxPacketBytes;
        this.timeoutNanos = timeoutNanos;
        base = new long[slots];
        count = new int[slots];
        received = new long[slots];
        chunk = new int[slots];
        bytes = new int[slots];
        total = new int[slots];
        startedAt = new long[slots];
        for (int i = 0; i < slots; i++) free(i);
    }

    /**
     * Adds the FRAGMENT body (position to limit, not moved) of an authenticated packet with {@code counter}.
     *
     * @return {@link #PENDING}, {@link #COMPLETE} or {@link #REJECTED}
     */
    public int add(long counter, ByteBuffer body, long nowNanos) {
        expire(nowNanos);
        int p = body.position();
        int n = body.remaining() - Fragmenter.HEADER_BYTES;
        if (n <= 0) return reject(-1);
        int index = body.get(p) & 0xFF;
        int cnt = body.get(p + 1) & 0xFF;
        int offset = body.getShort(p + 2) & 0xFFFF;
        int distance = body.getShort(p + 4) & 0xFFFF;
        boolean last = index == cnt - 1;
        if (cnt < 2 || cnt > Fragmenter.MAX_FRAGMENTS || index >= cnt || offset + n > maxPacketBytes
                || distance < index || (index == 0) != (distance == 0)) {
            return reject(-1);
        }
        long packetBase = counter - distance;
        if (packetBase < 0) return reject(-1);
        int s = find(packetBase);
        if (s < 0) s = claim(packetBase, cnt, nowNanos);
        if (count[s] != cnt || (received[s] & (1L << index)) != 0) return reject(s);
        if (!last) {
            if (chunk[s] < 0) chunk[s] = n;
            if (n != chunk[s] || offset != index * n) return reject(s);
        } else {
            total[s] = offset + n;
        }
        slab.put(s * maxPacketBytes + offset, body, p + Fragmenter.HEADER_BYTES, n);
        received[s] |= 1L << index;
        bytes[s] += n;
        if (received[s] != fullMask(cnt)) return PENDING;
        // Every non-last chunk was checked to be chunk[s] long at index x chunk[s]; the last must
        // end the packet exactly where its own offset says and be no longer than the others.
        int lastLength = bytes[s] - (cnt - 1) * chunk[s];
        if (total[s] != bytes[s] || lastLength <= 0 || lastLength > chunk[s]) return reject(s);
        int off = s * maxPacketBytes;
        view.clear().position(off).limit(off + total[s]);
        completedCounter = packetBase;
        completedPackets++;
        free(s);
        return COMPLETE;
    }

    /** The packet {@link #add} just completed (position to limit); valid until the next call. */
    public ByteBuffer completed() {
        return view;
    }

    /** The counter of the completed packet's first fragment: its place in the reorder buffer. */
    public long completedCounter() {
        return completedCounter;
    }

    /** Drops packets whose first fragment is older than the timeout. */
    public void expire(long nowNanos) {
        for (int i = 0; i < slots; i++) {
            if (base[i] >= 0 && nowNanos - startedAt[i] >= timeoutNanos) {
                free(i);
                expired++;
            }
        }
    }

    private int find(long packetBase) {
        for (int i = 0; i < slots; i++) {
            if (base[i] == packetBase) return i;
        }
        return -1;
    }

    private int claim(long packetBase, int cnt, long nowNanos) {
        if (slab == null) {
            slab = ByteBuffer.allocateDirect(slots * maxPacketBytes);
            view = slab.duplicate();
        }
        int victim = Slots.freeOrOldest(base, startedAt);
        if (base[victim] >= 0) evicted++;
        base[victim] = packetBase;
        count[victim] = cnt;
        received[victim] = 0;
        chunk[victim] = -1;
        bytes[victim] = 0;
        total[victim] = -1;
        startedAt[victim] = nowNanos;
        return victim;
    }

    private int reject(int slot) {
        if (slot >= 0) free(slot);
        rejected++;
        return REJECTED;
    }

    private void free(int s) {
        base[s] = -1;
    }

    private static long fullMask(int cnt) {
        return cnt == 64 ? -1L : (1L << cnt) - 1;
    }

    /** Packets in progress. */
    public int inProgress() {
        int n = 0;
        for (int i = 0; i < slots; i++) if (base[i] >= 0) n++;
        return n;
    }

    public long completedPackets() {
        return completedPackets;
    }

    /** Packets given up because their fragments did not all arrive in time. */
    public long expired() {
        return expired;
    }

    /** Packets pushed out by newer ones when every slot was busy. */
    public long evicted() {
        return evicted;
    }

    /** Fragments rejected as invalid. */
    public long rejected() {
        return rejected;
    }

    public long memoryBoundBytes() {
        return (long) slots * maxPacketBytes;
    }
}

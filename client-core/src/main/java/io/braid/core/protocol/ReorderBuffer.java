package io.braid.core.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Puts the inner packets of a bonded session back in counter order before they reach the TUN
 * device. Packets sent over paths with different delays arrive out of order; TCP takes
 * reordering for loss, so the receiver holds packets behind a gap, but never longer than the
 * {@link HoldTimeEstimator hold time}: then it gives up on the gap and moves on.
 *
 * <ul>
 *   <li>{@link #offer} a packet (copied into a pre-allocated slot when it must wait; handed to
 *       the sink at once when it is next); {@link #skip} a counter that carries nothing for the
 *       TUN (control packets, fragments other than the first, FEC parity) so it leaves no gap.
 *   <li>{@link #poll} on the timer the engine sets from {@link #nextDeadlineNanos()}.
 *   <li>Memory is bounded: {@code capacity} slots of {@code slotBytes}, allocated on first use.
 *       A counter more than {@code capacity} ahead forces the oldest gaps to be given up.
 *   <li>A packet whose gap was already given up is delivered at once (late but not lost: TCP
 *       prefers that to a retransmission) and counted as a late release.
 * </ul>
 *
 * Not thread-safe; no allocation after the first held packet. The sink sees a view that is
 * valid only during the call.
 */
public final class ReorderBuffer {
    /** Receives packets in order. The buffer (position to limit) is only valid during the call. */
    @FunctionalInterface
    public interface Sink {
        void deliver(long counter, ByteBuffer packet);
    }

    private static final int SKIPPED = -1;

    private final int capacity;
    private final int mask;
    private final int slotBytes;
    private final long[] slotCounter;
    private final long[] slotArrival;
    private final int[] slotLength;
    private final HoldTimeEstimator hold;
    private ByteBuffer slab;
    private ByteBuffer view;

    private long next;
    private int held;
    private long oldestArrival = Long.MAX_VALUE;
    private long lastGiveUpNanos;
    private boolean gaveUpBefore;

    private long released;
    private long reordered;
    private long lateReleases;
    private long givenUp;
    private long bypassed;

    /**
     * @param capacity   slots for waiting packets, a power of two (the counter span it can reorder)
     * @param slotBytes  the largest packet that can wait (larger ones are delivered at once)
     * @param firstCounter the first counter expected (0 for a new session)
     */
    public ReorderBuffer(int capacity, int slotBytes, HoldTimeEstimator hold, long firstCounter) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) throw new IllegalArgumentException("capacity: power of two >= 2");
        if (slotBytes <= 0) throw new IllegalArgumentException("slotBytes must be > 0");
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.slotBytes = slotBytes;
        this.slotCounter = new long[capacity];
        this.slotArrival = new long[capacity];
        this.slotLength = new int[capacity];
        this.hold = hold;
        this.next = firstCounter;
        Arrays.fill(slotCounter, -1);
    }

    /** Offers an inner packet (position to limit; not moved) received with {@code counter}. */
    public void offer(long counter, ByteBuffer packet, long nowNanos, Sink sink) {
        accept(counter, packet, nowNanos, sink);
    }

    /** Marks a counter that carries nothing for the TUN device, so waiting packets need not wait for it. */
    public void skip(long counter, long nowNanos, Sink sink) {
        accept(counter, null, nowNanos, sink);
    }

    private void accept(long counter, ByteBuffer packet, long nowNanos, Sink sink) {
        if (counter < next) {
            if (packet != null) deliverLate(counter, packet, nowNanos, sink);
            return;
        }
        if (counter - next >= capacity) forceAdvance(counter - capacity + 1, nowNanos, sink);
        if (counter == next) {
            boolean gapFilled = held > 0;
            if (packet != null) {
                sink.deliver(counter, packet);
                released++;
            }
            next++;
            if (gapFilled) {
                hold.sample(nowNanos - oldestArrival);
                drain(sink);
            }
            return;
        }
        int idx = (int) counter & mask;
        if (slotCounter[idx] == counter) return; // already waiting: the replay window normally stops this
        int length = SKIPPED;
        if (packet != null) {
            if (packet.remaining() > slotBytes) { // cannot wait: better early than dropped
                sink.deliver(counter, packet);
                released++;
                bypassed++;
            } else {
                length = packet.remaining();
                ensureSlab();
                slab.put(idx * slotBytes, packet, packet.position(), length);
            }
        }
        slotCounter[idx] = counter;
        slotLength[idx] = length;
        slotArrival[idx] = nowNanos;
        held++;
        oldestArrival = Math.min(oldestArrival, nowNanos);
    }

    /**
     * Gives up on gaps whose waiting packets have waited the hold time, delivering what they held
     * back. Call at {@link #nextDeadlineNanos()} (calling earlier or more often is harmless).
     */
    public void poll(long nowNanos, Sink sink) {
        while (held > 0 && nowNanos - oldestArrival >= hold.holdNanos()) {
            while (slotCounter[(int) next & mask] != next) {
                next++;
                givenUp++;
            }
            noteGiveUp(nowNanos);
            drain(sink);
        }
    }

    /** When {@link #poll} next has something to do, or {@link Long#MAX_VALUE} when nothing waits. */
    public long nextDeadlineNanos() {
        return held > 0 ? oldestArrival + hold.holdNanos() : Long.MAX_VALUE;
    }

    /** Delivers everything still waiting, in order, giving up on the gaps (at session end). */
    public void flush(long nowNanos, Sink sink) {
        if (held > 0) forceAdvance(next + capacity, nowNanos, sink);
    }

    private void deliverLate(long counter, ByteBuffer packet, long nowNanos, Sink sink) {
        sink.deliver(counter, packet);
        released++;
        lateReleases++;
        if (gaveUpBefore) hold.sample(hold.holdNanos() + (nowNanos - lastGiveUpNanos));
    }

    /** Moves {@code next} up to {@code newNext}, delivering what waits below it and giving up the rest. */
    private void forceAdvance(long newNext, long nowNanos, Sink sink) {
        long span = newNext - next;
        long scan = Math.min(span, capacity);
        long found = 0;
        for (long i = 0; i < scan && held > 0; i++) {
            long c = next + i;
            int idx = (int) c & mask;
            if (slotCounter[idx] == c) {
                found++;
                deliverSlot(idx, sink);
            }
        }
        givenUp += span - found;
        next = newNext;
        noteGiveUp(nowNanos);
        drain(sink);
    }

    private void noteGiveUp(long nowNanos) {
        lastGiveUpNanos = nowNanos;
        gaveUpBefore = true;
    }

    private void drain(Sink sink) {
        while (held > 0) {
            int idx = (int) next & mask;
            if (slotCounter[idx] != next) break;
            deliverSlot(idx, sink);
            next++;
        }
        recomputeOldest();
    }

    private void deliverSlot(int idx, Sink sink) {
        int length = slotLength[idx];
        if (length != SKIPPED) {
            int off = idx * slotBytes;
            view.clear().position(off).limit(off + length);
            sink.deliver(slotCounter[idx], view);
            released++;
            reordered++;
        }
        slotCounter[idx] = -1;
        held--;
    }

    private void recomputeOldest() {
        long oldest = Long.MAX_VALUE;
        int seen = 0;
        for (int i = 0; i < capacity && seen < held; i++) {
            long c = next + i;
            int idx = (int) c & mask;
            if (slotCounter[idx] == c) {
                seen++;
                oldest = Math.min(oldest, slotArrival[idx]);
            }
        }
        oldestArrival = oldest;
    }

    private void ensureSlab() {
        if (slab == null) {
            slab = ByteBuffer.allocateDirect(capacity * slotBytes);
            view = slab.duplicate();
        }
    }

    /** The next counter to be delivered in order. */
    public long nextCounter() {
        return next;
    }

    /** Packets (and skip marks) waiting behind a gap. */
    public int waiting() {
        return held;
    }

    public long holdNanos() {
        return hold.holdNanos();
    }

    public HoldTimeEstimator holdTime() {
        return hold;
    }

    /** Packets handed to the sink. */
    public long released() {
        return released;
    }

    /** Packets that waited for a gap to fill (or be given up) before delivery. */
    public long reordered() {
        return reordered;
    }

    /** Packets that arrived after their gap had been given up, delivered out of order. */
    public long lateReleases() {
        return lateReleases;
    }

    /** Counters given up on: never arrived, or arrived too late to be delivered in order. */
    public long givenUp() {
        return givenUp;
    }

    /** Packets too large for a slot, delivered without waiting. */
    public long bypassed() {
        return bypassed;
    }

    /** Bytes of packet memory this buffer may hold (allocated on first use). */
    public long memoryBoundBytes() {
        return (long) capacity * slotBytes;
    }
}

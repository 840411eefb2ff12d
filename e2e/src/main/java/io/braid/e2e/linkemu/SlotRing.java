package io.braid.e2e.linkemu;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-producer single-consumer ring of slot numbers: how a packet slot passes from the
 * thread that read it to the thread that writes it (and back, when free) without a lock or an
 * allocation. The producer's volatile store of {@code tail} publishes everything it wrote into
 * the slot before. It is a full volatile store, not a lazy one, because the producer reads the
 * consumer's "I am going to sleep until" right after it: with a lazy store both could miss the
 * other's write and the consumer would sleep through a packet.
 */
final class SlotRing {
    private final int[] slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // next to take; written by the consumer only
    private final AtomicLong tail = new AtomicLong(); // next to fill; written by the producer only

    SlotRing(int capacity) {
        if (Integer.bitCount(capacity) != 1) throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        slots = new int[capacity];
        mask = capacity - 1;
    }

    /** Producer: false when full. */
    boolean offer(int slot) {
        long t = tail.get();
        if (t - head.get() == slots.length) return false;
        slots[(int) t & mask] = slot;
        tail.set(t + 1);
        return true;
    }

    /** Consumer: the next slot, or -1 when empty. */
    int poll() {
        long h = head.get();
        if (h == tail.get()) return -1;
        int slot = slots[(int) h & mask];
        head.lazySet(h + 1);
        return slot;
    }

    /** Either side: a volatile look, used to decide whether to park. */
    boolean isEmpty() {
        return head.get() == tail.get();
    }
}

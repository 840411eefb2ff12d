package io.braid.e2e.linkemu;

/**
 * The held packets of one direction, earliest release first: a binary min-heap of slot numbers
 * keyed by (release time, arrival sequence), so equal release times keep arrival order. Primitive
 * arrays sized once: no allocation per packet. Owned by the writer thread alone.
 */
final class ReleaseHeap {
    private final int[] heap;
    private final long[] releaseAt;
    private final long[] sequence;
    private int size;

    /** {@code releaseAt} and {@code sequence} are indexed by slot and filled in before {@link #add}. */
    ReleaseHeap(int capacity, long[] releaseAt, long[] sequence) {
        this.heap = new int[capacity];
        this.releaseAt = releaseAt;
        this.sequence = sequence;
    }

    int size() {
        return size;
    }

    /** The slot to release next; only when {@link #size()} > 0. */
    int peek() {
        return heap[0];
    }

    void add(int slot) {
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(slot, heap[parent])) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = slot;
    }

    int poll() {
        int top = heap[0];
        int last = heap[--size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && before(heap[child + 1], heap[child])) child++;
            if (!before(heap[child], last)) break;
            heap[i] = heap[child];
            i = child;
        }
        if (size > 0) heap[i] = last;
        return top;
    }

    private boolean before(int a, int b) {
        long d = releaseAt[a] - releaseAt[b];
        return d < 0 || (d == 0 && sequence[a] < sequence[b]);
    }
}

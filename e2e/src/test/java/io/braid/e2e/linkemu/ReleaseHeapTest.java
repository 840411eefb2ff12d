package io.braid.e2e.linkemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The emulator's two lock-free pieces, without a network: release order and the slot rings. */
class ReleaseHeapTest {
    private static final int N = 64;
    private final long[] releaseAt = new long[N];
    private final long[] sequence = new long[N];
    private final ReleaseHeap heap = new ReleaseHeap(N, releaseAt, sequence);

    private void add(int slot, long at, long seq) {
        releaseAt[slot] = at;
        sequence[slot] = seq;
        heap.add(slot);
    }

    @Test
    void releasesEarliestFirstAndKeepsArrivalOrderOnTies() {
        add(0, 30, 0);
        add(1, 10, 1);
        add(2, 20, 2);
        add(3, 10, 3);
        add(4, 10, 4);
        List<Integer> order = new ArrayList<>();
        while (heap.size() > 0) order.add(heap.poll());
        assertThat(order).containsExactly(1, 3, 4, 2, 0);
    }

    @Test
    void staysOrderedThroughInterleavedAddsAndPolls() {
        SplittableRandom random = new SplittableRandom(7);
        ArrayDeque<Integer> free = new ArrayDeque<>();
        for (int i = 0; i < N; i++) free.add(i);
        long seq = 0;
        long last = 0;
        for (int round = 0; round < 10_000; round++) {
            if (!free.isEmpty() && (heap.size() == 0 || random.nextBoolean())) {
                add(free.poll(), last + random.nextLong(0, 1000), seq++); // never due before what was released
            } else {
                int slot = heap.poll();
                assertThat(releaseAt[slot]).isGreaterThanOrEqualTo(last);
                last = releaseAt[slot];
                free.add(slot);
            }
        }
    }

    @Test
    void aSlotRingIsFirstInFirstOutAndBounded() {
        SlotRing ring = new SlotRing(4);
        assertThat(ring.poll()).isEqualTo(-1);
        for (int i = 0; i < 4; i++) assertThat(ring.offer(i)).isTrue();
        assertThat(ring.offer(9)).isFalse();
        assertThat(ring.poll()).isZero();
        assertThat(ring.offer(4)).isTrue();
        assertThat(List.of(ring.poll(), ring.poll(), ring.poll(), ring.poll())).containsExactly(1, 2, 3, 4);
        assertThat(ring.isEmpty()).isTrue();
    }
}

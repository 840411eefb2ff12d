package io.braid.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {
    private static final long MS = 1_000_000L;

    private final List<Long> delivered = new ArrayList<>();
    private final Map<Long, Long> deliveredAt = new HashMap<>();
    private long now;
    private ReorderBuffer current;
    private final List<Long> late = new ArrayList<>();
    private final ReorderBuffer.Sink sink = (counter, packet) -> {
        if (current != null && counter < current.nextCounter()) late.add(counter);
        assertThat(packet.remaining()).isEqualTo(8);
        assertThat(packet.getLong(packet.position())).as("payload of %d", counter).isEqualTo(counter * 31);
        delivered.add(counter);
        deliveredAt.put(counter, now);
    };

    private static ReorderBuffer buffer(int capacity, long holdMs) {
        return new ReorderBuffer(capacity, 64, new HoldTimeEstimator(holdMs * MS, holdMs * MS, holdMs * MS), 0);
    }

    private void offer(ReorderBuffer b, long counter) {
        ByteBuffer p = ByteBuffer.allocate(8).putLong(0, counter * 31);
        b.offer(counter, p, now, sink);
    }

    @Test
    void inOrderPacketsPassStraightThrough() {
        ReorderBuffer b = buffer(16, 10);
        for (long c = 0; c < 5; c++) offer(b, c);
        assertThat(delivered).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(b.reordered()).isZero();
        assertThat(b.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void holdsPacketsBehindAGapUntilItFills() {
        ReorderBuffer b = buffer(16, 10);
        offer(b, 0);
        offer(b, 2);
        offer(b, 3);
        assertThat(delivered).containsExactly(0L);
        assertThat(b.waiting()).isEqualTo(2);
        now += 3 * MS;
        offer(b, 1);
        assertThat(delivered).containsExactly(0L, 1L, 2L, 3L);
        assertThat(b.reordered()).isEqualTo(2);
        assertThat(b.givenUp()).isZero();
    }

    @Test
    void givesUpOnAGapAfterTheHoldTimeAndDeliversTheStragglerLate() {
        ReorderBuffer b = buffer(16, 10);
        offer(b, 0);
        offer(b, 2);
        assertThat(b.nextDeadlineNanos()).isEqualTo(10 * MS);
        now = 9 * MS;
        b.poll(now, sink);
        assertThat(delivered).containsExactly(0L);
        now = 10 * MS;
        b.poll(now, sink);
        assertThat(delivered).containsExactly(0L, 2L);
        assertThat(b.givenUp()).isEqualTo(1);
        offer(b, 1);
        assertThat(delivered).containsExactly(0L, 2L, 1L);
        assertThat(b.lateReleases()).isEqualTo(1);
    }

    @Test
    void skippedCountersLeaveNoGap() {
        ReorderBuffer b = buffer(16, 10);
        offer(b, 0);
        b.skip(1, now, sink); // a probe
        offer(b, 2);
        b.skip(4, now, sink); // arrives before 3
        offer(b, 5);
        offer(b, 3);
        assertThat(delivered).containsExactly(0L, 2L, 3L, 5L);
        assertThat(b.waiting()).isZero();
    }

    @Test
    void memoryIsBoundedByCapacity() {
        ReorderBuffer b = buffer(8, 1000);
        offer(b, 1); // 0 missing
        for (long c = 2; c < 8; c++) offer(b, c);
        assertThat(delivered).isEmpty();
        offer(b, 8); // 8 - 0 >= capacity: the gap at 0 must be given up
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(b.givenUp()).isEqualTo(1);
        offer(b, 1000); // far ahead: what no longer fits the window is given up at once
        assertThat(b.givenUp()).isEqualTo(1 + (1000 - 8 + 1 - 9));
        assertThat(delivered).doesNotContain(1000L); // 993..999 may still come
        now += 1000 * MS;
        b.poll(now, sink);
        assertThat(delivered).endsWith(1000L);
        assertThat(b.givenUp()).isEqualTo(1 + 991);
        assertThat(b.memoryBoundBytes()).isEqualTo(8 * 64);
    }

    @Test
    void tooLargePacketsAreDeliveredWithoutWaiting() {
        ReorderBuffer b = new ReorderBuffer(8, 4, new HoldTimeEstimator(MS, MS, MS), 0);
        List<Long> got = new ArrayList<>();
        b.offer(1, ByteBuffer.allocate(8), 0, (c, p) -> got.add(c));
        assertThat(got).containsExactly(1L);
        assertThat(b.bypassed()).isEqualTo(1);
        b.offer(0, ByteBuffer.allocate(2), 0, (c, p) -> got.add(c));
        assertThat(got).containsExactly(1L, 0L);
        assertThat(b.waiting()).isZero();
    }

    /**
     * Property: packets spread over three simulated paths with different delays, jitter and loss.
     * Every packet is delivered exactly once; out-of-order deliveries are exactly the late
     * releases; no packet waits longer than the hold time; the counters add up.
     */
    @Test
    void randomizedMultiPathSchedules() {
        SplittableRandom r = new SplittableRandom(42);
        for (int run = 0; run < 30; run++) {
            delivered.clear();
            deliveredAt.clear();
            late.clear();
            long holdMs = 5 + r.nextInt(40);
            ReorderBuffer b = buffer(1 << (4 + r.nextInt(6)), holdMs);
            current = b;
            long[] pathDelay = {r.nextLong(1, 5) * MS, r.nextLong(1, 60) * MS, r.nextLong(1, 120) * MS};
            double loss = r.nextDouble() * 0.2;
            int n = 3000;
            PriorityQueue<long[]> arrivals = new PriorityQueue<>((a, c) -> Long.compare(a[0], c[0]));
            Map<Long, Long> arrivedAt = new HashMap<>();
            int sent = 0;
            for (long c = 0; c < n; c++) {
                if (r.nextDouble() < loss) continue;
                int path = r.nextInt(3);
                long at = c * 100_000L + pathDelay[path] + r.nextLong(2 * MS);
                arrivals.add(new long[] {at, c, r.nextInt(10) == 0 ? 1 : 0});
                sent++;
            }
            int skipped = 0;
            int lateSkips = 0;
            while (!arrivals.isEmpty()) {
                long[] a = nextArrival(arrivals, b);
                arrivedAt.put(a[1], now);
                if (a[2] == 1) {
                    if (a[1] < b.nextCounter()) lateSkips++;
                    b.skip(a[1], now, sink);
                    skipped++;
                } else {
                    offer(b, a[1]);
                }
            }
            while (b.nextDeadlineNanos() != Long.MAX_VALUE) {
                now = b.nextDeadlineNanos();
                b.poll(now, sink);
            }

            assertThat(delivered).as("run %d: each delivered once", run).doesNotHaveDuplicates().hasSize(sent - skipped);
            long highest = -1;
            for (long c : delivered) {
                if (!late.contains(c)) {
                    assertThat(c).as("run %d: in-order deliveries ascend", run).isGreaterThan(highest);
                    highest = c;
                }
                assertThat(deliveredAt.get(c) - arrivedAt.get(c)).as("run %d: wait of %d", run, c)
                        .isLessThanOrEqualTo(holdMs * MS);
            }
            assertThat(b.lateReleases()).as("run %d", run).isEqualTo(late.size());
            if (loss > 0.05 && pathDelay[2] - pathDelay[0] > holdMs * MS) {
                assertThat(late).as("run %d: a slow path beyond the hold time makes stragglers", run).isNotEmpty();
            }
            assertThat(b.released()).isEqualTo(sent - skipped);
            assertThat(b.waiting()).isZero();
            assertThat(b.givenUp()).as("run %d: gaps given up are counters never (or too late) seen", run)
                    .isEqualTo(b.nextCounter() - (sent - b.lateReleases() - lateSkips));
        }
    }

    /** The hold time grows to cover the real delay spread between two paths, then nothing is late. */
    @Test
    void holdTimeAdaptsToTheDelaySpread() {
        ReorderBuffer b = new ReorderBuffer(1024, 64,
                new HoldTimeEstimator(MS, 2 * MS, 500 * MS), 0);
        SplittableRandom r = new SplittableRandom(7);
        PriorityQueue<long[]> arrivals = new PriorityQueue<>((a, c) -> Long.compare(a[0], c[0]));
        for (long c = 0; c < 20_000; c++) {
            long delay = (c % 2 == 0 ? 5 : 35) * MS + r.nextLong(MS); // 30 ms spread between two paths
            arrivals.add(new long[] {c * 200_000L + delay, c});
        }
        long lateInSecondHalf = 0;
        while (!arrivals.isEmpty()) {
            long[] a = nextArrival(arrivals, b);
            long lateBefore = b.lateReleases();
            offer(b, a[1]);
            if (a[1] > 10_000) lateInSecondHalf += b.lateReleases() - lateBefore;
        }
        assertThat(b.holdNanos()).isBetween(30 * MS, 120 * MS);
        assertThat(lateInSecondHalf).isZero();
        assertThat(b.lateReleases()).as("the initial 2 ms hold was too short at first").isPositive();
    }

    /** Takes the next arrival {at, counter, ...}, first running the buffer's timer for every deadline before it. */
    private long[] nextArrival(PriorityQueue<long[]> arrivals, ReorderBuffer b) {
        long[] a = arrivals.poll();
        while (b.nextDeadlineNanos() <= a[0]) {
            now = b.nextDeadlineNanos();
            b.poll(now, sink);
        }
        now = a[0];
        return a;
    }
}

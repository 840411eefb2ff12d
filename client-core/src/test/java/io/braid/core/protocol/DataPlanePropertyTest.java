package io.braid.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.testing.SessionPair;
import io.braid.core.testing.SimulatedPaths;
import io.braid.core.testing.SimulatedPaths.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The send and receive pipelines end to end over simulated paths, with randomized schedules:
 * loss, duplication, reordering across paths, fragmentation, redundant sending and FEC. Inner
 * packets carry their own sequence number so the test can say what the user would see at the TUN.
 */
class DataPlanePropertyTest {
    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    private final class Run {
        final SessionPair pair = new SessionPair(AeadAlgorithm.CHACHA20_POLY1305, RekeyPolicy.DEFAULT, 9000, 0);
        final List<Integer> delivered = new ArrayList<>();
        final Map<Integer, Integer> sizes = new HashMap<>();
        int controls;
        final DataPlaneSender sender;
        final DataPlaneReceiver receiver;
        final SimulatedPaths net;
        long now;

        Run(SimulatedPaths net, FecGroupEncoder fec, long holdNanos) {
            this.net = net;
            sender = new DataPlaneSender(pair.client, fec);
            receiver = new DataPlaneReceiver(pair.headend,
                    new ReorderBuffer(4096, 9000, new HoldTimeEstimator(holdNanos, holdNanos, holdNanos), 0),
                    new Reassembler(128, 9000, 500 * MS),
                    new FecGroupDecoder(1024, 32, 9000, 500 * MS),
                    new PathReceiveStats(8),
                    (counter, packet) -> {
                        int id = packet.getInt(packet.position());
                        assertThat(packet.remaining()).as("size of inner packet %d", id).isEqualTo(sizes.get(id));
                        for (int i = 4; i < packet.remaining(); i++) {
                            assertThat(packet.get(packet.position() + i)).isEqualTo((byte) (id * 7 + i));
                        }
                        delivered.add(id);
                    },
                    (h, body, t) -> controls++);
        }

        void send(int id, int size, int[] paths, int pathCount, int mtu) {
            ByteBuffer inner = ByteBuffer.allocate(size);
            inner.putInt(0, id);
            for (int i = 4; i < size; i++) inner.put(i, (byte) (id * 7 + i));
            sizes.put(id, size);
            ByteBuffer out = ByteBuffer.allocate(64 * 1024);
            int n = sender.sendInner(inner, out, paths, pathCount, mtu, now);
            assertThat(n).as("sealed %d: %s", id, sender.lastResult()).isPositive();
            emit(out.flip());
        }

        void probe(int path) {
            ByteBuffer body = ByteBuffer.allocate(12);
            ProbeBody.write(body, 1, now, 0);
            ByteBuffer out = ByteBuffer.allocate(128);
            assertThat(sender.sendControl(PacketType.PROBE, body.flip(), out, path, now)).isEqualTo(1);
            emit(out.flip());
        }

        void flushFec(int[] paths, int pathCount) {
            ByteBuffer out = ByteBuffer.allocate(64 * 1024);
            sender.flushFec(out, paths, pathCount, now);
            emit(out.flip());
        }

        /** Splits the sender's buffer by the length field and sends each datagram on its header's path. */
        private void emit(ByteBuffer out) {
            while (out.hasRemaining()) {
                int size = PacketHeader.packetSize(out, out.position());
                int pathId = out.getShort(out.position() + 4) & 0xFFFF;
                ByteBuffer one = out.duplicate().limit(out.position() + size);
                net.send(pathId, one, now);
                out.position(out.position() + size);
            }
        }

        /** Delivers everything that arrives up to {@code until}, running the receiver's timers on time. */
        void runUntil(long until) {
            while (true) {
                long arrival = net.nextArrivalNanos();
                long deadline = receiver.nextDeadlineNanos();
                long next = Math.min(arrival, deadline);
                if (next > until) break;
                now = Math.max(now, next);
                if (deadline <= arrival) {
                    receiver.poll(now);
                } else {
                    ByteBuffer d = net.receive();
                    receiver.receive(d, now);
                    assertThat(d.hasRemaining()).isFalse();
                }
            }
            now = until;
        }
    }

    @Test
    void oneCleanPathDeliversEverythingInOrderIncludingFragments() {
        SplittableRandom r = new SplittableRandom(1);
        Run run = new Run(new SimulatedPaths(1, new Path(5 * MS, 0, 0, 0)), null, 20 * MS);
        for (int id = 0; id < 2000; id++) {
            run.send(id, 20 + r.nextInt(4000), new int[] {0}, 1, 1280);
            if (id % 50 == 0) run.probe(0);
            run.runUntil(run.now + 50 * US);
        }
        run.runUntil(run.now + 1000 * MS);
        assertThat(run.delivered).hasSize(2000).isSorted();
        assertThat(run.receiver.reassembler().completedPackets()).isPositive();
        assertThat(run.controls).isEqualTo(40);
        assertThat(run.receiver.drops().total()).isZero();
        assertThat(run.receiver.reorder().givenUp()).isZero();
    }

    /** Bonding over paths with different delays: reordered on the wire, in order at the TUN. */
    @Test
    void bondedPathsWithDifferentDelaysAreReorderedBack() {
        for (long seed = 0; seed < 5; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            Run run = new Run(new SimulatedPaths(seed, new Path(2 * MS, MS, 0, 0), new Path(30 * MS, 3 * MS, 0, 0.02)),
                    null, 60 * MS);
            for (int id = 0; id < 3000; id++) {
                run.send(id, 40 + r.nextInt(1400), new int[] {r.nextInt(2)}, 1, 1400);
                run.runUntil(run.now + 20 * US);
            }
            run.runUntil(run.now + 1000 * MS);
            assertThat(run.delivered).as("seed %d", seed).hasSize(3000).isSorted();
            assertThat(run.receiver.reorder().reordered()).isPositive();
            assertThat(run.receiver.crypto().duplicates()).as("network duplicates dropped").isPositive();
        }
    }

    /** Redundant mode over two paths losing 10% each: about 1% (the product) is lost, never doubled. */
    @Test
    void redundantSendingLeavesTheProductOfTheLossesAndDropsCopies() {
        SplittableRandom r = new SplittableRandom(2);
        Run run = new Run(new SimulatedPaths(2, new Path(3 * MS, MS, 0.10, 0), new Path(8 * MS, 2 * MS, 0.10, 0)),
                null, 30 * MS);
        int n = 20_000;
        for (int id = 0; id < n; id++) {
            run.send(id, 60 + r.nextInt(1300), new int[] {0, 1}, 2, 1400);
            run.runUntil(run.now + 20 * US);
        }
        run.runUntil(run.now + 1000 * MS);
        double lossRate = 1.0 - run.delivered.size() / (double) n;
        assertThat(run.delivered).doesNotHaveDuplicates();
        assertThat(lossRate).isBetween(0.005, 0.016);
        assertThat(run.receiver.crypto().duplicates()).isBetween((long) (n * 0.78), (long) (n * 0.84));
        for (int path = 0; path < 2; path++) { // each path lost its own 10%, whether it won the race or not
            assertThat(run.receiver.paths().pendingLosses(path)).as("path %d", path)
                    .isBetween((long) (n * 0.08), (long) (n * 0.12));
        }
    }

    /** FEC RS(10,3) on top of redundant sending: the 1% left becomes well under 0.1%. */
    @Test
    void fecRecoversWhatRedundancyLeft() {
        SplittableRandom r = new SplittableRandom(3);
        Run run = new Run(new SimulatedPaths(3, new Path(3 * MS, MS, 0.10, 0), new Path(8 * MS, 2 * MS, 0.10, 0)),
                new FecGroupEncoder(10, 3, 9000), 30 * MS);
        int n = 20_000;
        int[] both = {0, 1};
        for (int id = 0; id < n; id++) {
            run.send(id, 60 + r.nextInt(1300), both, 2, 1400);
            run.runUntil(run.now + 20 * US);
        }
        run.flushFec(both, 2);
        run.runUntil(run.now + 1000 * MS);
        double lossRate = 1.0 - run.delivered.size() / (double) n;
        assertThat(run.delivered).doesNotHaveDuplicates();
        assertThat(lossRate).isLessThan(0.001);
        assertThat(run.receiver.fec().recoveredPackets()).isPositive();
        assertThat(run.receiver.reorder().lateReleases()).isZero();
    }

    /** FEC alone on one path with random loss, fragments included: any 3 losses per group of 10 come back. */
    @Test
    void fecAloneRepairsRandomLossIncludingFragments() {
        for (long seed = 10; seed < 14; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            Run run = new Run(new SimulatedPaths(seed, new Path(4 * MS, 2 * MS, 0.03, 0.01)),
                    new FecGroupEncoder(10, 3, 9000), 30 * MS);
            int n = 3000;
            int[] one = {0};
            for (int id = 0; id < n; id++) {
                run.send(id, 20 + r.nextInt(3000), one, 1, 1280);
                run.runUntil(run.now + 50 * US);
            }
            run.flushFec(one, 1);
            run.runUntil(run.now + 1000 * MS);
            assertThat(run.delivered).as("seed %d", seed).doesNotHaveDuplicates();
            var rx = run.receiver;
            assertThat(run.delivered.size()).as("seed %d: fec rec=%d whole=%d repaired=%d lost=%d; reasm done=%d exp=%d evict=%d rej=%d; drops %s; reorder givenUp=%d late=%d",
                    seed, rx.fec().recoveredPackets(), rx.fec().groupsWhole(), rx.fec().groupsRepaired(), rx.fec().groupsLost(),
                    rx.reassembler().completedPackets(), rx.reassembler().expired(), rx.reassembler().evicted(), rx.reassembler().rejected(),
                    rx.drops(), rx.reorder().givenUp(), rx.reorder().lateReleases())
                    .isGreaterThan((int) (n * 0.99));
            assertThat(run.receiver.fec().groupsRepaired()).isPositive();
            assertThat(rx.reassembler().evicted()).isZero();
            assertThat(rx.reorder().givenUp()).as("seed %d: only counters of lost parity groups", seed).isLessThan(5);
        }
    }

    @Test
    void feedbackReportsPerPathLoss() {
        Run run = new Run(new SimulatedPaths(4, new Path(MS, 0, 0.2, 0), new Path(MS, 0, 0, 0)), null, 10 * MS);
        for (int id = 0; id < 1000; id++) {
            run.send(id, 100, new int[] {id % 2}, 1, 1400);
            run.runUntil(run.now + 100 * US);
        }
        run.runUntil(run.now + 100 * MS);
        ByteBuffer fb = ByteBuffer.allocate(PathFeedbackBody.size(2));
        assertThat(run.receiver.paths().writeFeedback(fb)).isEqualTo(2);
        PathFeedbackBody body = new PathFeedbackBody();
        assertThat(body.read(fb.flip())).isTrue();
        for (int i = 0; i < 2; i++) {
            long expectedLoss = body.pathId(i) == 0 ? 100 : 0;
            assertThat(body.lost(i)).as("path %d", body.pathId(i)).isBetween(expectedLoss * 7 / 10, expectedLoss * 13 / 10);
            assertThat(body.packets(i) + body.lost(i)).isBetween(495L, 500L);
        }
    }
}

package io.braid.core.bond.sim;

import io.braid.core.bond.PathFeedback;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The far end of the simulation: answers probes on the path they came on, sends PATH_FEEDBACK for
 * every path on every path every feedback interval (as the engine will), drops duplicates by
 * counter (redundant copies), and checks what a user would: bytes delivered over time, loss, and
 * whether any flow saw its packets out of order.
 */
final class SimReceiver {
    static final long BUCKET_NANOS = 10_000_000L;

    private static final class PathCounts {
        long packets;
        long bytes;
        long highestCounter = -1;
        long highestSequence = -1;
        long expectedAtReport = -1;
        long receivedAtReport;
    }

    private final EventLoop loop;
    private final long feedbackIntervalNanos;
    private final Map<Integer, Link> reverse = new LinkedHashMap<>();
    private final Map<Integer, PathCounts> counts = new LinkedHashMap<>();
    private final BitSet seen = new BitSet();
    private final Map<Integer, Long> lastFlowSequence = new HashMap<>();
    private final Map<Integer, Long> lastFlowArrival = new HashMap<>();
    private final List<Long> reorderLateness = new ArrayList<>();
    private final Map<Long, int[]> fecGroups = new HashMap<>(); // group -> {members received, parity received}
    private final long[] deliveredBytes;
    private Consumer<Datagram> sender;
    private long deliveredPackets;
    private long duplicates;
    private long reorderedInFlow;

    SimReceiver(EventLoop loop, long feedbackIntervalNanos, long durationNanos) {
        this.loop = loop;
        this.feedbackIntervalNanos = feedbackIntervalNanos;
        this.deliveredBytes = new long[(int) (durationNanos / BUCKET_NANOS) + 2];
    }

    void connect(int pathId, Link reverseLink, Consumer<Datagram> senderSide) {
        reverse.put(pathId, reverseLink);
        this.sender = senderSide;
    }

    void startFeedback() {
        loop.at(loop.now() + feedbackIntervalNanos, this::sendFeedback);
    }

    void receive(Datagram d) {
        count(d);
        switch (d.kind()) {
            case DATA -> deliver(d);
            case PARITY -> {
                if (firstCopy(d)) fecGroups.computeIfAbsent(d.fecGroup(), g -> new int[2])[1]++;
            }
            case PROBE -> reverse.get(d.pathId()).send(Datagram.probeAck(d.pathId(), d.probeId(), d.sentNanos()), sender);
            default -> throw new AssertionError("the receiver got " + d.kind());
        }
    }

    private void deliver(Datagram d) {
        if (!firstCopy(d)) {
            duplicates++;
            return;
        }
        deliveredPackets++;
        deliveredBytes[(int) Math.min(loop.now() / BUCKET_NANOS, deliveredBytes.length - 1)] += d.wireBytes();
        Long last = lastFlowSequence.put(d.flow(), d.flowSequence());
        if (last != null && last > d.flowSequence()) {
            reorderedInFlow++;
            lastFlowSequence.put(d.flow(), last);
            reorderLateness.add(loop.now() - lastFlowArrival.get(d.flow()));
        } else {
            lastFlowArrival.put(d.flow(), loop.now());
        }
        if (d.fecGroup() >= 0) fecGroups.computeIfAbsent(d.fecGroup(), g -> new int[2])[0]++;
    }

    private boolean firstCopy(Datagram d) {
        if (seen.get((int) d.counter())) return false;
        seen.set((int) d.counter());
        return true;
    }

    /** Per-path accounting as the protocol's PathReceiveStats does it: totals, highest counter, sequence gaps. */
    private void count(Datagram d) {
        PathCounts c = counts.computeIfAbsent(d.pathId(), id -> new PathCounts());
        if (c.expectedAtReport < 0) c.expectedAtReport = d.pathSequence();
        c.packets++;
        c.bytes += d.wireBytes();
        c.highestCounter = Math.max(c.highestCounter, d.counter());
        c.highestSequence = Math.max(c.highestSequence, d.pathSequence());
    }

    private void sendFeedback() {
        List<PathFeedback> entries = new ArrayList<>();
        for (Map.Entry<Integer, PathCounts> e : counts.entrySet()) {
            PathCounts c = e.getValue();
            long expected = c.highestSequence + 1 - c.expectedAtReport;
            long lost = Math.max(0, expected - (c.packets - c.receivedAtReport));
            entries.add(new PathFeedback(e.getKey(), c.packets & 0xFFFF_FFFFL, c.bytes, c.highestCounter, lost));
            c.expectedAtReport = c.highestSequence + 1;
            c.receivedAtReport = c.packets;
        }
        if (!entries.isEmpty()) {
            for (Map.Entry<Integer, Link> r : reverse.entrySet()) r.getValue().send(Datagram.feedback(r.getKey(), entries), sender);
        }
        loop.at(loop.now() + feedbackIntervalNanos, this::sendFeedback);
    }

    /** Unique data bytes delivered in [from, to), as bits per second. */
    long deliveredBps(long fromNanos, long toNanos) {
        long bytes = 0;
        for (long b = fromNanos / BUCKET_NANOS; b < toNanos / BUCKET_NANOS; b++) bytes += deliveredBytes[(int) b];
        return bytes * 8_000_000_000L / (toNanos - fromNanos);
    }

    long deliveredPackets() {
        return deliveredPackets;
    }

    long duplicates() {
        return duplicates;
    }

    long reorderedInFlow() {
        return reorderedInFlow;
    }

    /**
     * How long a receiver would have to hold packets to put {@code fraction} of all delivered
     * packets back in order: the lateness (behind the newest packet of its flow) that quantile of
     * all packets does not exceed; 0 when at least that share arrived in order.
     */
    long holdNeededNanos(double fraction) {
        long inOrder = deliveredPackets - reorderLateness.size();
        long needed = (long) Math.ceil(fraction * deliveredPackets) - inOrder;
        if (needed <= 0) return 0;
        List<Long> sorted = new ArrayList<>(reorderLateness);
        sorted.sort(null);
        return sorted.get((int) Math.min(needed - 1, sorted.size() - 1));
    }

    boolean delivered(long counter) {
        return seen.get((int) counter);
    }

    /** Members and parity packets received of an FEC group. */
    int[] fecGroup(long group) {
        return fecGroups.getOrDefault(group, new int[2]);
    }
}

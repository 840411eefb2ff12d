package io.braid.core.bond.sim;

import io.braid.core.bond.Bonding;
import io.braid.core.bond.ProbeAck;
import io.braid.core.bond.sched.FecPolicy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sending end, driving {@link Bonding} the way the engine will: choosePaths for every packet,
 * probes when due, acks and feedback fed back, poll at nextDeadlineNanos. Also sends FEC parity when
 * the {@link FecPolicy} says so, and tallies the data bytes each path carried over time.
 */
final class SimSender {
    static final int PROBE_BYTES = 80;
    static final long BUCKET_NANOS = 10_000_000L;

    private final EventLoop loop;
    private final Bonding bonding;
    private final FecPolicy fec;
    private final Map<Integer, Link> forward = new LinkedHashMap<>();
    private final Map<Integer, Long> pathSequence = new HashMap<>();
    private final Map<Integer, long[]> dataBytesByPath = new HashMap<>();
    private final Map<Long, Integer> fecGroupSizes = new HashMap<>();
    private final java.util.List<long[]> dataSent = new java.util.ArrayList<>(); // {counter, FEC group, sent at}
    private final int[] ids = new int[Bonding.MAX_PATHS];
    private final int durationBuckets;
    private Consumer<Datagram> receiver;
    private long counter;
    private long dataPackets;
    private long unsent;
    private long pollAt = Long.MAX_VALUE;
    private long polls;

    SimSender(EventLoop loop, Bonding bonding, FecPolicy fec, long durationNanos) {
        this.loop = loop;
        this.bonding = bonding;
        this.fec = fec;
        this.durationBuckets = (int) (durationNanos / BUCKET_NANOS) + 2;
    }

    void connect(int pathId, Link forwardLink, Consumer<Datagram> receiverSide) {
        forward.put(pathId, forwardLink);
        dataBytesByPath.put(pathId, new long[durationBuckets]);
        this.receiver = receiverSide;
    }

    /** One packet of a flow from the TUN. */
    void sendData(int flow, long flowSequence, int flowHash, int wireBytes) {
        long now = loop.now();
        long group = fec.enabled() ? fec.group() : -1;
        long c = counter++;
        dataPackets++;
        dataSent.add(new long[] {c, group, now});
        int n = bonding.choosePaths(wireBytes, flowHash, now, ids);
        if (n == 0) unsent++;
        for (int i = 0; i < n; i++) {
            dataBytesByPath.get(ids[i])[(int) Math.min(now / BUCKET_NANOS, durationBuckets - 1)] += wireBytes;
            transmit(Datagram.data(ids[i], nextSequence(ids[i]), c, flow, flowSequence, wireBytes, group));
        }
        if (fec.onMemberSent(now)) sendParity(group, fec.spec().k(), wireBytes);
        schedulePoll();
    }

    void receive(Datagram d) {
        long now = loop.now();
        bonding.onReceived(d.pathId(), d.wireBytes(), now);
        switch (d.kind()) {
            case PROBE_ACK -> bonding.onProbeAck(new ProbeAck(d.pathId(), d.probeId(), d.sentNanos(), 0), now);
            case FEEDBACK -> d.feedback().forEach(f -> bonding.onFeedback(f, now));
            default -> throw new AssertionError("the sender got " + d.kind());
        }
        schedulePoll();
    }

    void schedulePoll() {
        long now = loop.now();
        long next = Math.max(now, Math.min(bonding.nextDeadlineNanos(now), fec.nextDeadlineNanos()));
        if (next < pollAt || pollAt < now) {
            pollAt = next;
            loop.at(next, this::poll);
        }
    }

    private void poll() {
        long now = loop.now();
        if (now < pollAt) return; // superseded by an earlier poll that already ran
        polls++;
        bonding.poll(now);
        int due = bonding.probesDue(now, ids);
        for (int i = 0; i < due; i++) {
            int probeId = bonding.onProbeSent(ids[i], PROBE_BYTES, now);
            transmit(Datagram.probe(ids[i], nextSequence(ids[i]), counter++, PROBE_BYTES, probeId, now));
        }
        if (fec.flushDue(now)) {
            long group = fec.group();
            int members = fec.members();
            fec.onFlushed();
            sendParity(group, members, 1250);
        }
        pollAt = Long.MAX_VALUE;
        if (Math.min(bonding.nextDeadlineNanos(now), fec.nextDeadlineNanos()) <= now) {
            throw new AssertionError("a deadline is still due right after poll at " + now + " ns: an engine polling at nextDeadlineNanos would spin");
        }
        schedulePoll();
    }

    private void sendParity(long group, int members, int wireBytes) {
        fecGroupSizes.put(group, members);
        for (int j = 0; j < fec.spec().m(); j++) {
            long c = counter++;
            int n = bonding.choosePaths(wireBytes, 0, loop.now(), ids);
            for (int i = 0; i < n; i++) transmit(Datagram.parity(ids[i], nextSequence(ids[i]), c, wireBytes, group));
        }
    }

    private void transmit(Datagram d) {
        forward.get(d.pathId()).send(d, receiver);
    }

    private long nextSequence(int pathId) {
        return pathSequence.merge(pathId, 1L, Long::sum) - 1;
    }

    /** Data bytes sent on the path in [from, to). */
    long dataBytesSent(int pathId, long fromNanos, long toNanos) {
        long[] buckets = dataBytesByPath.get(pathId);
        long bytes = 0;
        for (long b = fromNanos / BUCKET_NANOS; b < Math.min(toNanos / BUCKET_NANOS, buckets.length); b++) bytes += buckets[(int) b];
        return bytes;
    }

    /** Every data packet sent as {counter, FEC group (-1: none), send time}. */
    java.util.List<long[]> dataSent() {
        return dataSent;
    }

    long dataPackets() {
        return dataPackets;
    }

    long unsent() {
        return unsent;
    }

    long polls() {
        return polls;
    }

    Map<Long, Integer> fecGroupSizes() {
        return fecGroupSizes;
    }
}

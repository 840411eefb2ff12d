package io.braid.core.bond.sim;

import io.braid.core.bond.BondSettings;
import io.braid.core.bond.Bonding;
import io.braid.core.bond.cap.CapLedger;
import io.braid.core.bond.cap.CapPeriod;
import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.path.PathState;
import io.braid.core.bond.sched.FecPolicy;
import io.braid.core.bond.sched.FecSpec;
import io.braid.core.bond.sched.FlowHash;
import io.braid.core.bond.sched.Mode;
import io.braid.core.testing.Ipv4Packets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A whole bonded transfer in simulated time: a sender running {@link Bonding} over simulated WANs
 * to a receiver, with a constant-bit-rate source of several UDP flows. Seeded, so a failing run
 * replays exactly; a few simulated seconds take well under a second.
 */
final class Scenario {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final long MBIT = 1_000_000L;
    static final long FEEDBACK_INTERVAL = 50 * MS;

    /** A path's state change, as the listener saw it. */
    record Change(long atNanos, int pathId, PathState from, PathState to) {}

    private final EventLoop loop = new EventLoop();
    private final List<Change> changes = new ArrayList<>();
    private final Bonding bonding;
    private final CapLedger ledger;
    private final SimSender sender;
    private final SimReceiver receiver;
    private final long durationNanos;
    private final long sourceBps;
    private final int packetBytes;
    private final int[] flowHashes;
    private final long[] flowSequences;
    private final long sourceStart;

    private Scenario(Builder b) {
        this.durationNanos = b.durationNanos;
        this.sourceBps = b.sourceBps;
        this.packetBytes = b.packetBytes;
        this.sourceStart = b.sourceStart;
        this.ledger = CapLedger.inMemory(CapPeriod.calendarMonth(ZoneOffset.UTC), Instant.parse("2025-03-10T12:00:00Z"));
        this.bonding = new Bonding(b.settings, ledger, (id, from, to, now) -> changes.add(new Change(now, id, from, to)));
        this.sender = new SimSender(loop, bonding, FecPolicy.of(b.fec), durationNanos);
        this.receiver = new SimReceiver(loop, FEEDBACK_INTERVAL, durationNanos);
        SplittableRandom random = new SplittableRandom(b.seed);
        for (int i = 0; i < b.paths.size(); i++) {
            PathConfig config = b.paths.get(i);
            LinkSpec spec = b.links.get(i);
            long addAt = b.addedAt.get(i);
            if (addAt == 0) {
                bonding.addPath(config, 0);
            } else { // the WAN exists from the start; the bonding learns of it at addAt (a link appearing)
                loop.at(addAt, () -> {
                    bonding.addPath(config, loop.now());
                    sender.schedulePoll();
                });
            }
            sender.connect(config.id(), new Link(spec, loop, random.split()), receiver::receive);
            receiver.connect(config.id(), new Link(spec, loop, random.split()), sender::receive);
        }
        b.removals.forEach((id, at) -> loop.at(at, () -> bonding.removePath(id)));
        this.flowHashes = flowHashes(b.flows);
        this.flowSequences = new long[b.flows];
    }

    static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** Runs the whole scenario. */
    Scenario run() {
        receiver.startFeedback();
        sender.schedulePoll();
        if (sourceBps > 0) loop.at(sourceStart, () -> emit(0));
        loop.runUntil(durationNanos);
        return this;
    }

    private void emit(long index) {
        int flow = (int) (index % flowHashes.length);
        sender.sendData(flow, flowSequences[flow]++, flowHashes[flow], packetBytes);
        long next = sourceStart + (index + 1) * packetBytes * 8 * SECOND / sourceBps;
        if (next < durationNanos) loop.at(next, () -> emit(index + 1));
    }

    /** Real IPv4/UDP headers, one per flow (ports differ), hashed as the engine will hash them. */
    private static int[] flowHashes(int flows) {
        int[] hashes = new int[flows];
        try {
            InetAddress src = InetAddress.getByName("100.96.0.2");
            InetAddress dst = InetAddress.getByName("198.18.7.1");
            ByteBuffer buf = ByteBuffer.allocate(64);
            for (int f = 0; f < flows; f++) {
                buf.clear();
                Ipv4Packets.udp(buf, src, 40000 + f, dst, 5201, new byte[4]);
                hashes[f] = FlowHash.of(buf);
            }
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
        return hashes;
    }

    Bonding bonding() {
        return bonding;
    }

    CapLedger ledger() {
        return ledger;
    }

    SimSender sender() {
        return sender;
    }

    SimReceiver receiver() {
        return receiver;
    }

    List<Change> changes() {
        return changes;
    }

    /** The first time after {@code afterNanos} at which the path entered {@code state}, or -1. */
    long firstEntered(int pathId, PathState state, long afterNanos) {
        for (Change c : changes) {
            if (c.pathId() == pathId && c.to() == state && c.atNanos() >= afterNanos) return c.atNanos();
        }
        return -1;
    }

    /** Data packets the receiver never got, over data packets sent. */
    double lossFraction() {
        return lossFraction(0, durationNanos);
    }

    /** Like {@link #lossFraction()} for the packets sent in [from, to). */
    double lossFraction(long fromNanos, long toNanos) {
        long sent = 0;
        long lost = 0;
        for (long[] d : sender.dataSent()) {
            if (d[2] < fromNanos || d[2] >= toNanos) continue;
            sent++;
            if (!receiver.delivered(d[0])) lost++;
        }
        return sent == 0 ? 0 : (double) lost / sent;
    }

    /** Like {@link #lossFraction} but counting what FEC rebuilds: a group with k shards of its k+m back is whole. */
    double lossAfterFec() {
        long lost = 0;
        for (long[] d : sender.dataSent()) {
            if (receiver.delivered(d[0])) continue;
            Integer size = sender.fecGroupSizes().get(d[1]);
            int[] got = receiver.fecGroup(d[1]);
            if (size == null || got[0] + got[1] < size) lost++;
        }
        return (double) lost / sender.dataPackets();
    }

    long offeredBps() {
        return sourceBps;
    }

    static final class Builder {
        private final long seed;
        private final List<PathConfig> paths = new ArrayList<>();
        private final List<LinkSpec> links = new ArrayList<>();
        private final List<Long> addedAt = new ArrayList<>();
        private final java.util.Map<Integer, Long> removals = new java.util.HashMap<>();
        private BondSettings settings = BondSettings.DEFAULT;
        private FecSpec fec = FecSpec.OFF;
        private long durationNanos = 5 * SECOND;
        private long sourceBps;
        private long sourceStart = 200 * MS;
        private int packetBytes = 1250;
        private int flows = 16;

        private Builder(long seed) {
            this.seed = seed;
        }

        Builder mode(Mode mode) {
            settings = settings.withMode(mode);
            return this;
        }

        Builder settings(BondSettings s) {
            settings = s;
            return this;
        }

        Builder path(PathConfig config, LinkSpec link) {
            return pathAddedAt(0, config, link);
        }

        /** A path the bonding learns of only at {@code atNanos}, while the transfer runs. */
        Builder pathAddedAt(long atNanos, PathConfig config, LinkSpec link) {
            paths.add(config);
            links.add(link);
            addedAt.add(atNanos);
            return this;
        }

        /** The path goes away at {@code atNanos} (its WAN disappeared). */
        Builder pathRemovedAt(long atNanos, int pathId) {
            removals.put(pathId, atNanos);
            return this;
        }

        Builder fec(FecSpec spec) {
            fec = spec;
            return this;
        }

        /** A constant-rate source from {@code startNanos}, split round-robin over {@code flowCount} UDP flows. */
        Builder source(long bitsPerSecond, int flowCount, long startNanos) {
            sourceBps = bitsPerSecond;
            flows = flowCount;
            sourceStart = startNanos;
            return this;
        }

        Builder duration(long nanos) {
            durationNanos = nanos;
            return this;
        }

        Scenario build() {
            return new Scenario(this);
        }
    }
}

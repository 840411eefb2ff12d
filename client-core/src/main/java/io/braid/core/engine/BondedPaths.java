package io.braid.core.engine;

import io.braid.core.bond.Bonding;
import io.braid.core.bond.PathFeedback;
import io.braid.core.bond.PathSnapshot;
import io.braid.core.bond.ProbeAck;
import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.sched.FlowHash;
import io.braid.core.bond.sched.Mode;
import io.braid.core.protocol.PacketHeader;
import io.braid.core.protocol.PacketType;
import io.braid.core.protocol.PathFeedbackBody;
import io.braid.core.protocol.ProbeAckBody;
import io.braid.core.protocol.ProbeBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bonding engine at either end of a session: the session's UDP paths, the pure {@link Bonding}
 * state that judges their health and picks the path(s) of each packet, and the traffic that feeds it
 * — probes on every path (idle ones too), probe acks, and per-path feedback from the receiver every
 * 50 ms. The client and the headend run the same code; the headend schedules the return direction
 * over the paths the client registered.
 *
 * <p>{@link Bonding} is single-threaded, so one lock guards it; sealing and sending happen outside it.
 */
public final class BondedPaths {
    private static final long FEEDBACK_INTERVAL_NANOS = 50_000_000L;

    private final DataSession data;
    private final Bonding bonding;
    private final ReentrantLock lock = new ReentrantLock();
    private final ProbeAckBody ack = new ProbeAckBody();
    private final PathFeedbackBody feedback = new PathFeedbackBody();
    private final ByteBuffer body = ByteBuffer.allocate(2048);
    private final int[] due = new int[Bonding.MAX_PATHS];
    private long lastFeedbackNanos;

    public BondedPaths(DataSession data, Bonding bonding) {
        this.data = data;
        this.bonding = bonding;
    }

    /** Adds a path (a new WAN, or a path the peer registered), or updates its settings. */
    public void addOrUpdate(PathConfig config, PathTransport transport, long nowNanos) {
        lock.lock();
        try {
            if (bonding.state(config.id()) == null) {
                bonding.addPath(config, nowNanos);
            } else {
                bonding.updatePath(config, nowNanos);
            }
        } finally {
            lock.unlock();
        }
        data.setPath(config.id(), transport);
    }

    public void remove(int pathId) {
        lock.lock();
        try {
            bonding.removePath(pathId);
        } finally {
            lock.unlock();
        }
    }

    public boolean has(int pathId) {
        lock.lock();
        try {
            return bonding.state(pathId) != null;
        } finally {
            lock.unlock();
        }
    }

    public void setMode(Mode mode) {
        lock.lock();
        try {
            bonding.setMode(mode);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Seals and sends one inner packet on the path(s) bonding picks for it. {@code chosen} and
     * {@code out} belong to the calling thread. False when no path may carry data now.
     */
    public boolean sendInner(ByteBuffer inner, ByteBuffer out, int[] chosen, long nowNanos) throws IOException {
        int wire = inner.remaining() + PacketHeader.OVERHEAD;
        int flow = FlowHash.of(inner);
        int count;
        lock.lock();
        try {
            count = bonding.choosePaths(wire, flow, nowNanos, chosen);
        } finally {
            lock.unlock();
        }
        return count > 0 && data.sendInner(inner, out, chosen, count, nowNanos);
    }

    /** Every authenticated datagram: bonding counts what each path delivers. */
    public void onReceived(int pathId, int wireBytes, long nowNanos) {
        lock.lock();
        try {
            bonding.onReceived(pathId, wireBytes, nowNanos);
        } finally {
            lock.unlock();
        }
    }

    /** Probe acks and feedback from the peer; true when the packet was one of those. */
    public boolean onControl(PacketHeader header, ByteBuffer packet, long nowNanos) {
        if (header.type() == PacketType.PROBE_ACK && ack.read(packet)) {
            lock.lock();
            try {
                bonding.onProbeAck(new ProbeAck(header.pathId(), ack.probeId(), ack.echoedSentNanos(), ack.ackDelayNanos()), nowNanos);
            } finally {
                lock.unlock();
            }
            return true;
        }
        if (header.type() == PacketType.PATH_FEEDBACK && feedback.read(packet)) {
            lock.lock();
            try {
                for (int i = 0; i < feedback.count(); i++) {
                    bonding.onFeedback(new PathFeedback(feedback.pathId(i), feedback.packets(i), feedback.bytes(i),
                            feedback.highestCounter(i), feedback.lost(i)), nowNanos);
                }
            } finally {
                lock.unlock();
            }
            return true;
        }
        return false;
    }

    /** Timer work: due probes on each path, feedback every 50 ms on every path, bonding's own timers. */
    public void tick(ByteBuffer out, long nowNanos) throws IOException {
        int n;
        lock.lock();
        try {
            bonding.poll(nowNanos);
            n = bonding.probesDue(nowNanos, due);
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < n; i++) {
            int path = due[i];
            int probeId;
            lock.lock();
            try {
                probeId = bonding.onProbeSent(path, ProbeBody.MIN_BYTES + PacketHeader.OVERHEAD, nowNanos);
            } finally {
                lock.unlock();
            }
            body.clear();
            ProbeBody.write(body, probeId, nowNanos, 0);
            sendQuietly(PacketType.PROBE, path, out, nowNanos);
        }
        if (nowNanos - lastFeedbackNanos >= FEEDBACK_INTERVAL_NANOS) {
            lastFeedbackNanos = nowNanos;
            sendFeedback(out, nowNanos);
        }
    }

    private void sendFeedback(ByteBuffer out, long nowNanos) {
        body.clear();
        int entries = data.writeFeedback(body);
        if (entries <= 0) {
            return;
        }
        body.flip();
        for (PathSnapshot p : snapshot(nowNanos)) {
            if (!"down".equals(p.state())) {
                body.rewind();
                sendQuietly(PacketType.PATH_FEEDBACK, p.id(), out, nowNanos);
            }
        }
    }

    private void sendQuietly(PacketType type, int pathId, ByteBuffer out, long nowNanos) {
        if (type == PacketType.PROBE) {
            body.flip();
        }
        try {
            data.sendControl(type, body, pathId, out, nowNanos);
        } catch (IOException e) {
            // a path whose socket fails (link gone) is judged down by its missing acks
        }
    }

    public List<PathSnapshot> snapshot(long nowNanos) {
        lock.lock();
        try {
            return bonding.snapshot(nowNanos);
        } finally {
            lock.unlock();
        }
    }

    public long nextDeadlineNanos(long nowNanos) {
        lock.lock();
        try {
            return bonding.nextDeadlineNanos(nowNanos);
        } finally {
            lock.unlock();
        }
    }

    /** Whether any path may carry data now (else the caller falls back to the control connection). */
    public boolean anyUsable(long nowNanos) {
        for (PathSnapshot p : snapshot(nowNanos)) {
            if (!"down".equals(p.state()) && !"suspended".equals(p.state())) {
                return true;
            }
        }
        return false;
    }
}

package io.braid.core.engine;

import io.braid.core.protocol.DataPlaneReceiver;
import io.braid.core.protocol.DataPlaneSender;
import io.braid.core.protocol.FecGroupDecoder;
import io.braid.core.protocol.HoldTimeEstimator;
import io.braid.core.protocol.PacketHeader;
import io.braid.core.protocol.PacketType;
import io.braid.core.protocol.PathReceiveStats;
import io.braid.core.protocol.ProbeAckBody;
import io.braid.core.protocol.ProbeBody;
import io.braid.core.protocol.Reassembler;
import io.braid.core.protocol.ReorderBuffer;
import io.braid.core.protocol.SessionCrypto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One tunnel session's data plane at either end: inner packets from the TUN are sealed and sent on
 * the session's path(s); datagrams from the network are opened, reordered and handed to the TUN.
 * The protocol core ({@link SessionCrypto}, {@link DataPlaneSender}, {@link DataPlaneReceiver}) is
 * single-threaded, so one lock guards it; the network sends happen outside the lock, from buffers
 * that belong to the calling thread, so sealing and the send syscalls of two threads overlap.
 *
 * <p>Probes are answered here; every other authenticated control packet goes to the
 * {@link Listener} (path hellos, probe acks, feedback, close), with the transport it came on.
 */
public final class DataSession {
    /** Largest datagram either end sends: the protocol's maximum body plus header and tag. */
    public static final int MAX_DATAGRAM = 65535;

    /** What the owning client or headend does with control traffic and delivered packets. */
    public interface Listener {
        /** An authenticated control packet (not a probe, which the session answers itself). */
        void onControl(PacketHeader header, ByteBuffer body, PathTransport origin, long nowNanos);

        /** An authenticated packet of {@code wireBytes} arrived on {@code origin} for {@code pathId} (NAT rebinding, liveness, rates). */
        void onAuthenticated(int pathId, PathTransport origin, int wireBytes, long nowNanos);
    }

    /** Where delivered inner packets go (the TUN, through the policy check on a headend). */
    public interface InnerSink {
        void deliver(ByteBuffer packet);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final SessionCrypto crypto;
    private final DataPlaneSender sender;
    private final DataPlaneReceiver receiver;
    private final Listener listener;
    private final PathTransport[] paths = new PathTransport[SessionCrypto.MAX_PATHS];
    private final ByteBuffer controlOut = ByteBuffer.allocateDirect(2048);
    private final ByteBuffer controlBody = ByteBuffer.allocate(2048);
    private final ProbeBody probe = new ProbeBody();
    private PathTransport origin;
    private int activePath = -1;
    private int pathMtu;

    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong packetsIn = new AtomicLong();
    private final AtomicLong packetsOut = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private volatile long lastReceivedNanos;

    /**
     * @param pathMtu the UDP payload size the paths carry (fragmentation above it)
     */
    public DataSession(SessionCrypto crypto, InnerSink tun, Listener listener, int pathMtu, long nowNanos) {
        this.crypto = crypto;
        this.listener = listener;
        this.pathMtu = pathMtu;
        this.sender = new DataPlaneSender(crypto, null);
        int maxInner = crypto.maxPayloadBytes();
        ReorderBuffer.Sink sink = (counter, packet) -> {
            packetsIn.incrementAndGet();
            bytesIn.addAndGet(packet.remaining());
            tun.deliver(packet);
        };
        // Sizes: a few hundred packets of reordering (more comes with bonding over unequal paths);
        // buffers are allocated on first use, so an idle session costs little memory.
        this.receiver = new DataPlaneReceiver(crypto,
                new ReorderBuffer(512, maxInner, new HoldTimeEstimator(1_000_000, 5_000_000, 200_000_000), 0),
                new Reassembler(16, maxInner, 2_000_000_000L),
                new FecGroupDecoder(512, 8, maxInner, 500_000_000L),
                new PathReceiveStats(SessionCrypto.MAX_PATHS),
                sink, this::onControl);
        this.lastReceivedNanos = nowNanos;
    }

    /** Registers (or replaces) the transport of a path; the newest registered path carries data. */
    public void setPath(int pathId, PathTransport transport) {
        lock.lock();
        try {
            paths[pathId] = transport;
            activePath = pathId;
        } finally {
            lock.unlock();
        }
    }

    /** Chooses which registered path carries data (the client's fallback logic picks UDP or TCP). */
    public void setActive(int pathId) {
        lock.lock();
        try {
            if (paths[pathId] != null) {
                activePath = pathId;
            }
        } finally {
            lock.unlock();
        }
    }

    public PathTransport path(int pathId) {
        return paths[pathId];
    }

    public int activePath() {
        return activePath;
    }

    public void setPathMtu(int mtu) {
        this.pathMtu = mtu;
    }

    /** Seals one inner packet and sends it on the active path; {@code out} belongs to the calling thread. False when nothing could be sent. */
    public boolean sendInner(ByteBuffer inner, ByteBuffer out, long nowNanos) throws IOException {
        int path = activePath;
        if (path < 0) {
            return false;
        }
        return sendInner(inner, out, new int[] {path}, 1, nowNanos); // the JIT keeps this array off the heap
    }

    /**
     * Seals one inner packet for the given paths (several: redundant copies, same counter) and sends
     * each copy on its path. {@code pathIds} and {@code out} belong to the calling thread.
     */
    public boolean sendInner(ByteBuffer inner, ByteBuffer out, int[] pathIds, int pathCount, long nowNanos) throws IOException {
        int length = inner.remaining();
        lock.lock();
        int written;
        try {
            out.clear();
            written = sender.sendInner(inner, out, pathIds, pathCount, pathMtu, nowNanos);
        } finally {
            lock.unlock();
        }
        if (written <= 0) {
            return false;
        }
        packetsOut.incrementAndGet();
        bytesOut.addAndGet(length);
        transmit(out.flip());
        return true;
    }

    /** Seals a control body for one path and sends it. */
    public boolean sendControl(PacketType type, ByteBuffer body, int pathId, ByteBuffer out, long nowNanos) throws IOException {
        lock.lock();
        try {
            if (paths[pathId] == null) {
                return false;
            }
            out.clear();
            if (sender.sendControl(type, body, out, pathId, nowNanos) < 0) {
                return false;
            }
        } finally {
            lock.unlock();
        }
        transmit(out.flip());
        return true;
    }

    /**
     * Takes in one datagram (or a coalesced run) that arrived on {@code from}.
     *
     * @return how many packets in it were authenticated
     */
    public int receive(ByteBuffer datagram, PathTransport from, long nowNanos) {
        int accepted = 0;
        lock.lock();
        try {
            origin = from;
            while (datagram.hasRemaining()) {
                int start = datagram.position();
                if (receiver.receive(datagram, nowNanos)) {
                    accepted++;
                    listener.onAuthenticated(crypto.received().pathId(), from, datagram.position() - start, nowNanos);
                }
            }
            receiver.poll(nowNanos);
        } finally {
            origin = null;
            lock.unlock();
        }
        if (accepted > 0) {
            lastReceivedNanos = nowNanos;
        }
        return accepted;
    }

    /** Releases packets whose reorder hold time is over; call at {@link #nextDeadlineNanos()}. */
    public void poll(long nowNanos) {
        lock.lock();
        try {
            receiver.poll(nowNanos);
            crypto.retireExpired(nowNanos);
        } finally {
            lock.unlock();
        }
    }

    public long nextDeadlineNanos() {
        lock.lock();
        try {
            return receiver.nextDeadlineNanos();
        } finally {
            lock.unlock();
        }
    }

    /** Writes the receiver's per-path feedback since the last report into {@code out}; returns the entries. */
    public int writeFeedback(ByteBuffer out) {
        lock.lock();
        try {
            return receiver.paths().writeFeedback(out);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} with the protocol core locked (key installation and epoch switches). */
    public void withCrypto(java.util.function.Consumer<SessionCrypto> action) {
        lock.lock();
        try {
            action.accept(crypto);
        } finally {
            lock.unlock();
        }
    }

    private void onControl(PacketHeader header, ByteBuffer body, long nowNanos) {
        if (header.type() == PacketType.PROBE) {
            answerProbe(header, body, nowNanos);
            return;
        }
        listener.onControl(header, body, origin, nowNanos);
    }

    /** Answers a probe on the path it came on, echoing its timestamp and size (so the prober learns RTT and MTU). */
    private void answerProbe(PacketHeader header, ByteBuffer body, long nowNanos) {
        if (!probe.read(body)) {
            return;
        }
        int pathId = header.pathId();
        if (paths[pathId] == null) {
            return; // a path is registered by its hello first
        }
        controlBody.clear();
        ProbeAckBody.write(controlBody, probe.probeId(), probe.sentNanos(), 0, probe.size());
        controlOut.clear();
        if (sender.sendControl(PacketType.PROBE_ACK, controlBody.flip(), controlOut, pathId, nowNanos) < 0) {
            return;
        }
        try {
            send(controlOut.flip(), pathId);
        } catch (IOException e) {
            sendErrors.incrementAndGet();
        }
    }

    /** Splits sealed packets written back to back and sends each on the path named in its header. */
    private void transmit(ByteBuffer sealed) throws IOException {
        int end = sealed.limit();
        while (sealed.position() < end) {
            int start = sealed.position();
            int size = PacketHeader.packetSize(sealed, start);
            int pathId = ((sealed.get(start + 4) & 0xFF) << 8) | (sealed.get(start + 5) & 0xFF);
            sealed.limit(start + size);
            send(sealed, pathId);
            sealed.limit(end).position(start + size);
        }
    }

    private void send(ByteBuffer datagram, int pathId) throws IOException {
        PathTransport t = paths[pathId];
        if (t == null) {
            return;
        }
        try {
            t.send(datagram);
        } catch (IOException e) {
            sendErrors.incrementAndGet();
            throw e;
        }
    }

    public SessionCrypto crypto() {
        return crypto;
    }

    public DataPlaneReceiver receiver() {
        return receiver;
    }

    public long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /** Traffic counters: inner packets and bytes delivered to / taken from the TUN. */
    public record Counters(long bytesIn, long bytesOut, long packetsIn, long packetsOut, long sendErrors, long drops) {}

    public Counters counters() {
        return new Counters(bytesIn.get(), bytesOut.get(), packetsIn.get(), packetsOut.get(), sendErrors.get(),
                crypto.drops().total());
    }
}

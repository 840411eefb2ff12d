package io.braid.core.engine;

import io.braid.core.control.ControlFrames;
import io.braid.core.control.ControlMessage;
import io.braid.core.crypto.EpochKeyExchange;
import io.braid.core.crypto.EpochKeys;
import io.braid.core.crypto.Role;
import io.braid.core.protocol.PacketHeader;
import io.braid.core.protocol.PacketType;
import io.braid.core.protocol.PathHelloBody;
import io.braid.core.protocol.ProbeAckBody;
import io.braid.core.protocol.ProbeBody;
import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One established client session, from Welcome to its end: the data plane over UDP (path 1) or,
 * when UDP gets no answer, inside the control connection (path 0); the control reader; and a timer
 * that polls the reorder buffer, sends hellos, probes and pings, rekeys, and watches liveness.
 * {@link #run()} blocks until the session ends and says why; {@link #close()} ends it from outside.
 */
final class ClientSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
    static final int UDP_PATH = 1;
    private static final long TICK_NANOS = 20_000_000L;
    private static final long PROBE_INTERVAL_NANOS = 2_000_000_000L;
    private static final long PING_INTERVAL_NANOS = 10_000_000_000L;
    private static final long CONTROL_SILENCE_LIMIT_NANOS = 30_000_000_000L;

    private final HeadendHandshake.Established established;
    private final DataSession data;
    private final UdpPath udp;
    private final ControlPath tcp;
    private final TransportFallback fallback;
    private final PathMtuProber mtu;
    private final SecureRandom random;
    private final Runnable everyTick;
    private final ByteBuffer timerOut = ByteBuffer.allocateDirect(DataSession.MAX_DATAGRAM);
    private final ByteBuffer body = ByteBuffer.allocate(2048);
    private final ProbeAckBody ack = new ProbeAckBody();
    private final PathHelloBody hello = new PathHelloBody();
    private final AtomicReference<EpochKeyExchange> pendingRekey = new AtomicReference<>();
    private final Instant connectedAt = Instant.now();
    private volatile boolean closed;
    private volatile long lastControlNanos = System.nanoTime();
    private volatile long lastUdpNanos = Long.MIN_VALUE / 2;
    private volatile double rttMillis = Double.NaN;
    private int probeId;
    private long lastProbeNanos;
    private long lastPingNanos;
    private Thread udpReader;
    private Thread timer;

    ClientSession(HeadendHandshake.Established established, TunDevice tun, DatagramChannel channel, Integer mtuOverride,
            SecureRandom random, Runnable everyTick) throws IOException {
        this.established = established;
        this.random = random;
        this.everyTick = everyTick;
        long now = System.nanoTime();
        this.mtu = new PathMtuProber(mtuOverride);
        this.fallback = new TransportFallback(2_000_000_000L, 5_000_000_000L, now);
        ByteBuffer tunOut = ByteBuffer.allocateDirect(DataSession.MAX_DATAGRAM);
        this.data = new DataSession(established.crypto(), packet -> writeTun(tun, packet, tunOut), new Listener(), mtu.mtu(), now);
        try {
            channel.setOption(jdk.net.ExtendedSocketOptions.IP_DONTFRAGMENT, true);
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("no don't-fragment option on this OS: MTU probes may be fragmented");
        }
        this.udp = new UdpPath(channel, (InetSocketAddress) channel.getRemoteAddress());
        this.tcp = new ControlPath(established.control());
        data.setPath(ControlPath.PATH_ID, tcp);
        data.setPath(UDP_PATH, udp);
    }

    private static void writeTun(TunDevice tun, ByteBuffer packet, ByteBuffer scratch) {
        try {
            if (packet.isDirect()) {
                tun.write(packet);
            } else {
                scratch.clear();
                scratch.put(packet).flip();
                tun.write(scratch);
            }
        } catch (IOException e) {
            log.debug("TUN write failed: {}", e.getMessage());
        }
    }

    DataSession data() {
        return data;
    }

    /** Runs the session until the control connection ends or fails; returns the reason. */
    String run() {
        udpReader = Thread.ofPlatform().name("braid-udp").daemon().start(this::readUdp);
        timer = Thread.ofPlatform().name("braid-timer").daemon().start(this::tickLoop);
        try {
            while (!closed) {
                ControlFrames.Frame frame = established.control().read();
                if (frame == null) {
                    return "the headend closed the control connection";
                }
                lastControlNanos = System.nanoTime();
                if (frame.datagram() != null) {
                    data.receive(frame.datagram(), tcp, System.nanoTime());
                } else {
                    String end = onMessage(frame.message());
                    if (end != null) {
                        return end;
                    }
                }
            }
            return "stopped";
        } catch (IOException e) {
            return closed ? "stopped" : "control connection lost: " + e.getMessage();
        }
    }

    /** Handles a control message; returns a reason when it ends the session. */
    private String onMessage(ControlMessage message) throws IOException {
        switch (message) {
            case ControlMessage.Pong p -> {
                return null;
            }
            case ControlMessage.Ping p -> {
                established.control().send(new ControlMessage.Pong(p.sentNanos()));
                return null;
            }
            case ControlMessage.RekeyAnswer answer -> {
                finishRekey(answer);
                return null;
            }
            case ControlMessage.Close close -> {
                throw HeadendHandshake.refusal(close);
            }
            default -> {
                log.debug("ignoring unexpected control message {}", message.getClass().getSimpleName());
                return null;
            }
        }
    }

    private void finishRekey(ControlMessage.RekeyAnswer answer) throws IOException {
        EpochKeyExchange exchange = pendingRekey.getAndSet(null);
        if (exchange == null || exchange.epoch() != answer.epoch()) {
            return;
        }
        int sessionId = established.welcome().sessionId();
        EpochKeys keys = exchange.finish(established.control().exporter(sessionId), sessionId, established.crypto().algorithm(),
                HeadendHandshake.decode(answer.publicKey()));
        long now = System.nanoTime();
        data.withCrypto(c -> {
            c.installKeys(keys, now);
            c.activateNextEpoch(now);
        });
        keys.destroy();
        log.debug("key epoch {} active", answer.epoch());
    }

    private void readUdp() {
        ByteBuffer in = ByteBuffer.allocateDirect(DataSession.MAX_DATAGRAM);
        DatagramChannel channel = udp.channel();
        while (!closed) {
            try {
                in.clear();
                channel.receive(in);
                in.flip();
                long now = System.nanoTime();
                if (data.receive(in, udp, now) > 0) {
                    lastUdpNanos = now;
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // ICMP port unreachable (headend restarting) and the like: keep listening.
                sleepQuietly(50);
            }
        }
    }

    private void tickLoop() {
        while (!closed) {
            try {
                tick(System.nanoTime());
            } catch (IOException | RuntimeException e) {
                log.debug("timer: {}", e.getMessage());
            }
            sleepQuietly(TICK_NANOS / 1_000_000);
        }
    }

    private void tick(long now) throws IOException {
        if (data.nextDeadlineNanos() <= now) {
            data.poll(now);
        }
        if (fallback.udpHelloDue(now)) {
            sendHello(UDP_PATH, now);
        }
        if (fallback.tick(now, lastUdpNanos)) {
            log.info("no answer over UDP: carrying data inside the control connection");
            data.setActive(ControlPath.PATH_ID);
            sendHello(ControlPath.PATH_ID, now);
        }
        if (fallback.mode() == TransportFallback.Mode.UDP && lastUdpNanos > 0) {
            for (int size : mtu.probesDue(now)) {
                sendProbe(size - PacketHeader.OVERHEAD, now);
            }
            mtu.tick(now);
            if (now - lastProbeNanos > PROBE_INTERVAL_NANOS) {
                sendProbe(ProbeBody.MIN_BYTES, now);
            }
        }
        if (now - lastPingNanos > PING_INTERVAL_NANOS) {
            lastPingNanos = now;
            established.control().send(new ControlMessage.Ping(now));
        }
        if (now - lastControlNanos > CONTROL_SILENCE_LIMIT_NANOS) {
            log.info("the control connection has been silent for 30 s; reconnecting");
            established.control().close();
        }
        if (pendingRekey.get() == null && established.crypto() != null && needsRekey(now)) {
            startRekey();
        }
        everyTick.run();
    }

    private boolean needsRekey(long now) {
        boolean[] due = new boolean[1];
        data.withCrypto(c -> due[0] = c.needsRekey(now));
        return due[0];
    }

    private void startRekey() throws IOException {
        int[] epoch = new int[1];
        data.withCrypto(c -> epoch[0] = c.currentEpoch() + 1);
        EpochKeyExchange exchange = EpochKeyExchange.start(Role.INITIATOR, epoch[0], random);
        pendingRekey.set(exchange);
        established.control().send(new ControlMessage.Rekey(epoch[0], HeadendHandshake.encode(exchange.publicKey())));
    }

    /** Sends a fresh token on the control connection (the headend re-verifies it). */
    void sendToken(String token) throws IOException {
        established.control().send(new ControlMessage.TokenRefresh(token));
    }

    private void sendHello(int pathId, long now) throws IOException {
        body.clear();
        PathHelloBody.write(body, data.path(pathId) == tcp ? PathMtuProber.SAFE_MTU : mtu.mtu(), now);
        data.sendControl(PacketType.PATH_HELLO, body.flip(), pathId, timerOut, now);
    }

    /** A probe whose body is {@code bodyBytes} long (padded), so its datagram tests that size. */
    private void sendProbe(int bodyBytes, long now) throws IOException {
        lastProbeNanos = now;
        body.clear();
        int pad = Math.max(0, bodyBytes - ProbeBody.MIN_BYTES);
        if (ProbeBody.MIN_BYTES + pad > body.capacity()) {
            return;
        }
        ProbeBody.write(body, ++probeId, now, pad);
        try {
            data.sendControl(PacketType.PROBE, body.flip(), UDP_PATH, timerOut, now);
        } catch (IOException e) {
            // EMSGSIZE for a probe larger than the local interface: that size does not fit; nothing else to do.
        }
    }

    /** Control packets from the headend: hello answers (UDP works), probe acks (RTT, MTU). */
    private final class Listener implements DataSession.Listener {
        @Override
        public void onControl(PacketHeader header, ByteBuffer packet, PathTransport origin, long nowNanos) {
            switch (header.type()) {
                case PATH_HELLO -> {
                    if (origin == udp && hello.read(packet) && fallback.onUdpAnswer(nowNanos)) {
                        log.info("UDP answers again: data moves back to UDP");
                        data.setActive(UDP_PATH);
                    } else if (origin == udp && fallback.mode() == TransportFallback.Mode.UDP) {
                        data.setActive(UDP_PATH);
                    }
                }
                case PROBE_ACK -> {
                    if (origin == udp && ack.read(packet)) {
                        double rtt = (nowNanos - ack.echoedSentNanos() - ack.ackDelayNanos()) / 1e6;
                        rttMillis = Double.isNaN(rttMillis) ? rtt : rttMillis * 0.875 + rtt * 0.125;
                        if (mtu.onAcknowledged(ack.probeSize() + PacketHeader.OVERHEAD)) {
                            data.setPathMtu(mtu.mtu());
                            log.debug("path MTU {}", mtu.mtu());
                            try {
                                sendHello(UDP_PATH, nowNanos); // tell the headend the size it may send
                            } catch (IOException e) {
                                log.debug("hello after MTU change failed: {}", e.getMessage());
                            }
                        }
                    }
                }
                default -> { }
            }
        }

        @Override
        public void onAuthenticated(int pathId, PathTransport origin, int wireBytes, long nowNanos) {
            if (origin == udp) {
                lastUdpNanos = nowNanos;
            }
        }
    }

    String transport() {
        return data.activePath() == ControlPath.PATH_ID ? "tcp" : "udp";
    }

    int pathMtu() {
        return mtu.mtu();
    }

    double rttMillis() {
        return rttMillis;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    HeadendHandshake.Established established() {
        return established;
    }

    /** Tells the headend goodbye (best effort) and ends the session's threads and sockets. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            established.control().send(new ControlMessage.Close(io.braid.core.control.CloseReason.SHUTDOWN, "client disconnected"));
        } catch (IOException ignored) {
            // the connection may already be gone
        }
        established.control().close();
        try {
            udp.channel().close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (timer != null) {
            timer.interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

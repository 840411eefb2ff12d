package io.braid.server.headend;

import io.braid.core.control.CloseReason;
import io.braid.core.control.ControlMessage;
import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.crypto.CpuFeatures;
import io.braid.core.crypto.EpochKeyExchange;
import io.braid.core.crypto.EpochKeys;
import io.braid.core.crypto.Role;
import io.braid.core.engine.ControlConnection;
import io.braid.core.engine.DataSession;
import io.braid.core.packet.IpHeader;
import io.braid.core.packet.MssClamp;
import io.braid.core.protocol.RekeyPolicy;
import io.braid.core.protocol.SessionCrypto;
import io.braid.core.tun.TunDevice;
import io.braid.server.policy.PolicyEnforcer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headend: terminates device tunnels. A TLS 1.3 control listener with mutual certificate
 * authentication admits devices ({@link Admission}) and sets up their sessions; one UDP socket on
 * the same port number carries every session's data; one TUN carries the inner packets to and from
 * the protected networks, through the access policy ({@link PolicyEnforcer}) and MSS clamping.
 * Sessions are re-verified for as long as they last: CRL refreshes, device rechecks, token expiry.
 */
public final class Headend implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Headend.class);
    private static final long TICK_MILLIS = 10;

    private final HeadendConfig config;
    private final SSLContext tls;
    private final Admission admission;
    private final CrlCache crl;
    private final PolicyEnforcer policy;
    private final TunDevice tun;
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, HeadendSession> bySessionId = new ConcurrentHashMap<>();
    private final Map<Integer, HeadendSession> byOverlayIpv4 = new ConcurrentHashMap<>();
    private final Map<String, HeadendSession> byDevice = new ConcurrentHashMap<>();
    private final HeadendSession.UdpOrigin origin = new HeadendSession.UdpOrigin();
    private final AtomicLong unknownSession = new AtomicLong();
    private final AtomicLong noRoute = new AtomicLong();
    private final AtomicLong spoofed = new AtomicLong();
    private final AtomicLong admissionsRefused = new AtomicLong();
    private final AtomicLong sessionsOpened = new AtomicLong();
    private final boolean aes = CpuFeatures.hasAesInstructions();
    private SSLServerSocket controlSocket;
    private DatagramChannel udp;
    private volatile boolean stopped;
    private final java.util.List<Thread> threads = new java.util.ArrayList<>();

    private final java.time.Clock clock;
    private volatile HeadendObserver observer = HeadendObserver.NONE;

    public Headend(HeadendConfig config, SSLContext tls, Admission admission, CrlCache crl, PolicyEnforcer policy, TunDevice tun,
            java.time.Clock clock) {
        this.clock = clock;
        this.config = config;
        this.tls = tls;
        this.admission = admission;
        this.crl = crl;
        this.policy = policy;
        this.tun = tun;
    }

    public void observe(HeadendObserver observer) {
        this.observer = observer;
    }

    public void start() throws IOException {
        crl.refresh();
        InetAddress bind = InetAddress.getByName(config.bindAddress());
        controlSocket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        controlSocket.setReuseAddress(true);
        SSLParameters params = controlSocket.getSSLParameters();
        params.setProtocols(new String[] {"TLSv1.3"});
        params.setNeedClientAuth(true);
        controlSocket.setSSLParameters(params);
        controlSocket.bind(new InetSocketAddress(bind, config.port()), 256);
        udp = DatagramChannel.open(bind instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        udp.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
        udp.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 4 << 20);
        udp.bind(new InetSocketAddress(bind, config.port()));
        threads.add(Thread.ofPlatform().name("headend-accept").daemon().start(this::acceptLoop));
        threads.add(Thread.ofPlatform().name("headend-udp").daemon().start(this::udpLoop));
        threads.add(Thread.ofPlatform().name("headend-tun").daemon().start(this::tunLoop));
        threads.add(Thread.ofPlatform().name("headend-ticker").daemon().start(this::tickLoop));
        threads.add(Thread.ofPlatform().name("headend-verify").daemon().start(this::verifyLoop));
        log.info("headend listening on {}:{} (tcp control, udp data), tun {}", config.bindAddress(), port(), tun.name());
    }

    public int port() {
        return controlSocket.getLocalPort();
    }

    public int udpPort() throws IOException {
        return ((InetSocketAddress) udp.getLocalAddress()).getPort();
    }

    // ---- control: admission and session setup ------------------------------------------------

    private void acceptLoop() {
        while (!stopped) {
            try {
                Socket s = controlSocket.accept();
                Thread.ofVirtual().name("headend-session").start(() -> serve((SSLSocket) s));
            } catch (IOException e) {
                if (!stopped) {
                    log.debug("accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(SSLSocket socket) {
        ControlConnection control = null;
        HeadendSession session = null;
        try {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            socket.startHandshake();
            control = new ControlConnection(socket);
            X509Certificate cert = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            ControlMessage first = control.readMessage(10_000);
            if (!(first instanceof ControlMessage.Hello hello) || hello.protocol() != ControlMessage.PROTOCOL_VERSION) {
                control.send(new ControlMessage.Close(CloseReason.PROTOCOL_ERROR, "expected a protocol " + ControlMessage.PROTOCOL_VERSION + " hello"));
                return;
            }
            Admission.Admitted admitted;
            try {
                admitted = admission.admit(cert, hello.token());
            } catch (Admission.Refused r) {
                admissionsRefused.incrementAndGet();
                log.info("refused a session from {}: {}", socket.getRemoteSocketAddress(), r.getMessage());
                control.send(new ControlMessage.Close(r.reason(), r.getMessage()));
                return;
            }
            session = open(admitted, cert, control, hello);
            socket.setSoTimeout(0);
            String ended = session.run();
            log.info("session {} of device {} ended: {}", session.sessionId, session.deviceId, ended);
        } catch (IOException | RuntimeException e) {
            log.debug("control connection from {} failed: {}", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            if (session != null) {
                end(session, CloseReason.SHUTDOWN, "disconnected");
            } else if (control != null) {
                control.close();
            } else {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    private HeadendSession open(Admission.Admitted admitted, X509Certificate cert, ControlConnection control, ControlMessage.Hello hello)
            throws IOException {
        int sessionId = newSessionId();
        AeadAlgorithm aead = AeadAlgorithm.negotiate(hello.aesInstructions(), aes);
        SessionCrypto crypto = new SessionCrypto(Role.RESPONDER, sessionId, aead, RekeyPolicy.DEFAULT, Math.max(config.mtu(), 1500));
        EpochKeyExchange exchange = EpochKeyExchange.start(Role.RESPONDER, 0, random);
        byte[] clientPublic;
        try {
            clientPublic = Base64.getDecoder().decode(hello.epochPublicKey());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("malformed hello public value");
        }
        EpochKeys keys = exchange.finish(control.exporter(sessionId), sessionId, aead, clientPublic);
        crypto.installKeys(keys, System.nanoTime());
        keys.destroy();
        HeadendSession session = new HeadendSession(sessionId, admitted, cert, control, this::sinkFor, crypto, udp,
                io.braid.core.engine.PathMtuProber.SAFE_MTU, random);
        session.onTokenRefresh((s, token) -> admission.verifyToken(s.certificate, s.deviceId, token));
        HeadendSession replaced = byDevice.get(session.deviceId);
        if (replaced != null) {
            end(replaced, CloseReason.REPLACED, "the device opened a new session");
        }
        byDevice.put(session.deviceId, session);
        bySessionId.put(sessionId, session);
        byOverlayIpv4.put(session.overlayIpv4, session);
        observer.sessionOpened(info(session));
        sessionsOpened.incrementAndGet();
        control.send(new ControlMessage.Welcome(sessionId, aead.wireCode(), Base64.getEncoder().encodeToString(exchange.publicKey()),
                admitted.overlayIpv4(), config.poolPrefixLength(), admitted.overlayIpv6(), 48, config.gatewayIpv4(), config.mtu(),
                config.routes(), config.dns(), config.searchDomains(), udpPort(), 10));
        log.info("session {} up for device {} at {} ({})", sessionId, session.deviceId, admitted.overlayIpv4(), aead);
        return session;
    }

    private int newSessionId() {
        while (true) {
            int id = random.nextInt();
            if (id != 0 && !bySessionId.containsKey(id)) {
                return id;
            }
        }
    }

    /** Forgets a session; true if it was still known (so its end is reported once). */
    private boolean remove(HeadendSession s) {
        byOverlayIpv4.remove(s.overlayIpv4, s);
        byDevice.remove(s.deviceId, s);
        return bySessionId.remove(s.sessionId, s);
    }

    // ---- data: network to TUN ------------------------------------------------------------------

    /** Packets a device sent, after decryption: only from its own overlay address, only what policy allows. */
    private DataSession.InnerSink sinkFor(HeadendSession session) {
        IpHeader header = new IpHeader();
        ByteBuffer scratch = ByteBuffer.allocateDirect(65535);
        return packet -> {
            if (!header.parse(packet)) {
                return;
            }
            if (header.version() != 4 || header.srcLo() != (session.overlayIpv4 & 0xFFFFFFFFL)) {
                spoofed.incrementAndGet(); // IPv6 inner traffic is not routed by this headend yet
                return;
            }
            if (!policy.fromDevice(session.groups, header, System.nanoTime())) {
                return;
            }
            ByteBuffer out = packet;
            if (!packet.isDirect() || packet.isReadOnly()) {
                scratch.clear();
                scratch.put(packet).flip();
                out = scratch;
            }
            MssClamp.clamp(out, header, config.mtu());
            try {
                tun.write(out);
            } catch (IOException e) {
                log.debug("TUN write failed: {}", e.getMessage());
            }
        };
    }

    private void udpLoop() {
        ByteBuffer in = ByteBuffer.allocateDirect(DataSession.MAX_DATAGRAM);
        while (!stopped) {
            try {
                in.clear();
                InetSocketAddress source = (InetSocketAddress) udp.receive(in);
                in.flip();
                if (in.remaining() < 24) {
                    continue;
                }
                HeadendSession s = bySessionId.get(in.getInt(in.position() + 8));
                if (s == null) {
                    unknownSession.incrementAndGet();
                    continue;
                }
                origin.set(source);
                s.data.receive(in, origin, System.nanoTime());
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.debug("udp receive: {}", e.getMessage());
            }
        }
    }

    // ---- data: TUN to network ------------------------------------------------------------------

    private void tunLoop() {
        ByteBuffer in = ByteBuffer.allocateDirect(65535);
        ByteBuffer out = ByteBuffer.allocateDirect(DataSession.MAX_DATAGRAM);
        IpHeader header = new IpHeader();
        while (!stopped) {
            try {
                in.clear();
                tun.read(in);
                in.flip();
                if (!header.parse(in) || header.version() != 4) {
                    continue;
                }
                HeadendSession s = byOverlayIpv4.get((int) header.dstLo());
                if (s == null) {
                    noRoute.incrementAndGet();
                    continue;
                }
                long now = System.nanoTime();
                if (!policy.toDevice(header, now)) {
                    continue;
                }
                MssClamp.clamp(in, header, config.mtu());
                s.data.sendInner(in, out, now);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.debug("tun to network: {}", e.getMessage());
            }
        }
    }

    // ---- timers: reorder polling and continuous verification ------------------------------------

    private void tickLoop() {
        while (!stopped) {
            long now = System.nanoTime();
            for (HeadendSession s : bySessionId.values()) {
                if (s.data.nextDeadlineNanos() <= now) {
                    s.data.poll(now);
                }
            }
            sleep(TICK_MILLIS);
        }
    }

    private void verifyLoop() {
        long lastCrl = System.nanoTime();
        long lastDeviceCheck = System.nanoTime();
        long lastStats = System.nanoTime();
        while (!stopped) {
            sleep(250);
            long now = System.nanoTime();
            if (now - lastCrl >= config.crlRefresh().toNanos()) {
                lastCrl = now;
                crl.refresh();
            }
            boolean recheckDevices = now - lastDeviceCheck >= config.deviceRecheck().toNanos();
            if (recheckDevices) {
                lastDeviceCheck = now;
            }
            Instant wall = clock.instant();
            for (HeadendSession s : bySessionId.values()) {
                verify(s, wall, now, recheckDevices);
            }
            if (now - lastStats >= 2_000_000_000L) {
                lastStats = now;
                observer.stats(sessions());
            }
        }
    }

    private void verify(HeadendSession s, Instant wall, long now, boolean recheckDevice) {
        if (crl.isRevoked(s.certificate)) {
            end(s, CloseReason.REVOKED, "the device certificate has been revoked");
        } else if (wall.isAfter(s.tokenExpires().plus(config.tokenGrace()))) {
            end(s, CloseReason.TOKEN_EXPIRED, "the access token expired without renewal");
        } else if (now - s.lastControlNanos() > config.idleTimeout().toNanos()) {
            end(s, CloseReason.IDLE, "no sign of life from the device");
        } else if (recheckDevice) {
            try {
                admission.checkDevice(s.certificate, s.deviceId);
            } catch (Admission.Refused r) {
                end(s, r.reason(), r.getMessage());
            }
        }
    }

    private void end(HeadendSession s, String reason, String message) {
        SessionInfo last = info(s);
        if (remove(s)) {
            observer.sessionClosed(last, CloseReason.SHUTDOWN.equals(reason) ? message : reason);
        }
        s.close(reason, message);
    }

    // ---- status and metrics --------------------------------------------------------------------

    /** A session as /metrics and the admin API see it. */
    public record SessionInfo(int sessionId, String deviceId, String overlayIpv4, String transport, Instant startedAt,
            long bytesIn, long bytesOut, long packetsIn, long packetsOut, long drops) {}

    public List<SessionInfo> sessions() {
        Collection<HeadendSession> all = bySessionId.values();
        return all.stream().map(Headend::info).toList();
    }

    private static SessionInfo info(HeadendSession s) {
        DataSession.Counters c = s.data.counters();
        return new SessionInfo(s.sessionId, s.deviceId, s.overlayIpv4Text, s.transport(), s.startedAt, c.bytesIn(), c.bytesOut(),
                c.packetsIn(), c.packetsOut(), c.drops());
    }

    /** Headend-wide counters: sessions opened, admissions refused, datagrams for unknown sessions, packets with no session, spoofed sources. */
    public long[] counters() {
        return new long[] {sessionsOpened.get(), admissionsRefused.get(), unknownSession.get(), noRoute.get(), spoofed.get()};
    }

    public PolicyEnforcer policy() {
        return policy;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
        for (HeadendSession s : bySessionId.values()) {
            end(s, CloseReason.SHUTDOWN, "the headend is shutting down");
        }
        try {
            if (controlSocket != null) {
                controlSocket.close();
            }
            if (udp != null) {
                udp.close();
            }
        } catch (IOException e) {
            log.debug("closing sockets: {}", e.getMessage());
        }
        for (Thread t : threads) {
            t.interrupt();
        }
    }

    /** Idle time after which a silent session is dropped. */
    public static Duration defaultIdleTimeout() {
        return Duration.ofSeconds(45);
    }
}

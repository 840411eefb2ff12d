package io.braid.server.headend;

import io.braid.core.control.CloseReason;
import io.braid.core.control.ControlFrames;
import io.braid.core.control.ControlMessage;
import io.braid.core.crypto.EpochKeyExchange;
import io.braid.core.crypto.EpochKeys;
import io.braid.core.crypto.Role;
import io.braid.core.engine.ControlConnection;
import io.braid.core.engine.ControlPath;
import io.braid.core.engine.DataSession;
import io.braid.core.engine.PathTransport;
import io.braid.core.engine.UdpPath;
import io.braid.core.protocol.PacketHeader;
import io.braid.core.protocol.PacketType;
import io.braid.core.protocol.PathHelloBody;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admitted device's session at the headend: its control connection (token refreshes, rekeys,
 * pings), its data plane, and the paths it registered by authenticated hellos — UDP with the
 * source address last seen (so NAT rebinding and roaming are followed), or the control connection
 * when the device's UDP is blocked.
 */
final class HeadendSession implements DataSession.Listener {
    private static final Logger log = LoggerFactory.getLogger(HeadendSession.class);

    final int sessionId;
    final String deviceId;
    final List<String> groups;
    final X509Certificate certificate;
    final int overlayIpv4;
    final String overlayIpv4Text;
    final String overlayIpv6Text;
    final ControlConnection control;
    final DataSession data;
    final Instant startedAt = Instant.now();
    private final DatagramChannel udpSocket;
    private final ControlPath tcp;
    private final SecureRandom random;
    private final PathHelloBody hello = new PathHelloBody();
    private final ByteBuffer replyBody = ByteBuffer.allocate(64);
    private final ByteBuffer replyOut = ByteBuffer.allocateDirect(256);
    private volatile Instant tokenExpires;
    private volatile long lastControlNanos = System.nanoTime();
    private volatile boolean closed;

    HeadendSession(int sessionId, Admission.Admitted admitted, X509Certificate certificate, ControlConnection control,
            java.util.function.Function<HeadendSession, DataSession.InnerSink> sinkFactory, io.braid.core.protocol.SessionCrypto crypto, DatagramChannel udpSocket,
            int pathMtu, SecureRandom random) {
        this.sessionId = sessionId;
        this.deviceId = admitted.deviceId();
        this.groups = admitted.groups();
        this.certificate = certificate;
        this.overlayIpv4Text = admitted.overlayIpv4();
        this.overlayIpv6Text = admitted.overlayIpv6();
        this.overlayIpv4 = Ipv4.toInt(admitted.overlayIpv4());
        this.control = control;
        this.udpSocket = udpSocket;
        this.random = random;
        this.tokenExpires = admitted.tokenExpires();
        this.tcp = new ControlPath(control);
        this.data = new DataSession(crypto, sinkFactory.apply(this), this, pathMtu, System.nanoTime());
    }

    /** Reads control frames until the connection ends; returns the reason. */
    String run() {
        try {
            while (!closed) {
                ControlFrames.Frame frame = control.read();
                if (frame == null) {
                    return "the device closed the control connection";
                }
                lastControlNanos = System.nanoTime();
                if (frame.datagram() != null) {
                    data.receive(frame.datagram(), tcp, System.nanoTime());
                    continue;
                }
                switch (frame.message()) {
                    case ControlMessage.Ping p -> control.send(new ControlMessage.Pong(p.sentNanos()));
                    case ControlMessage.Pong p -> { }
                    case ControlMessage.Rekey r -> answerRekey(r);
                    case ControlMessage.TokenRefresh t -> tokenRefreshed(t);
                    case ControlMessage.Close c -> {
                        return "the device disconnected (" + c.reason() + ")";
                    }
                    default -> throw new ControlFrames.ProtocolException("unexpected " + frame.message().getClass().getSimpleName());
                }
            }
            return "closed";
        } catch (IOException e) {
            return closed ? "closed" : "control connection lost: " + e.getMessage();
        }
    }

    /** Set by the headend, which verifies the token (continuous verification) before calling this. */
    private TokenCheck tokenCheck;

    interface TokenCheck {
        Instant verify(HeadendSession session, String token) throws Admission.Refused;
    }

    void onTokenRefresh(TokenCheck check) {
        this.tokenCheck = check;
    }

    private void tokenRefreshed(ControlMessage.TokenRefresh t) throws IOException {
        try {
            tokenExpires = tokenCheck.verify(this, t.token());
        } catch (Admission.Refused e) {
            close(e.reason(), e.getMessage());
        }
    }

    private void answerRekey(ControlMessage.Rekey r) throws IOException {
        byte[] peer;
        try {
            peer = Base64.getDecoder().decode(r.publicKey());
        } catch (IllegalArgumentException e) {
            throw new ControlFrames.ProtocolException("malformed rekey public value");
        }
        int[] expected = new int[1];
        data.withCrypto(c -> expected[0] = c.hasNextEpoch() ? -1 : c.currentEpoch() + 1);
        if (r.epoch() != expected[0] || peer.length != 32) {
            throw new ControlFrames.ProtocolException("rekey for epoch " + r.epoch() + " out of order");
        }
        EpochKeyExchange exchange = EpochKeyExchange.start(Role.RESPONDER, r.epoch(), random);
        EpochKeys keys = exchange.finish(control.exporter(sessionId), sessionId, data.crypto().algorithm(), peer);
        long now = System.nanoTime();
        data.withCrypto(c -> c.installKeys(keys, now)); // the device's first packet of the new epoch switches us over
        keys.destroy();
        control.send(new ControlMessage.RekeyAnswer(r.epoch(), Base64.getEncoder().encodeToString(exchange.publicKey())));
    }

    @Override
    public void onControl(PacketHeader header, ByteBuffer body, PathTransport origin, long nowNanos) {
        if (header.type() == PacketType.PATH_HELLO && hello.read(body)) {
            int pathId = header.pathId();
            PathTransport path = origin == tcp ? tcp : new UdpPath(udpSocket, ((UdpOrigin) origin).source());
            data.setPath(pathId, path);
            if (origin != tcp) {
                data.setPathMtu(Math.max(io.braid.core.engine.PathMtuProber.SAFE_MTU, Math.min(hello.mtu(), 65_000)));
            }
            replyBody.clear();
            PathHelloBody.write(replyBody, hello.mtu(), nowNanos);
            try {
                data.sendControl(PacketType.PATH_HELLO, replyBody.flip(), pathId, replyOut, nowNanos);
            } catch (IOException e) {
                log.debug("hello answer failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void onAuthenticated(int pathId, PathTransport origin, int wireBytes, long nowNanos) {
        if (origin instanceof UdpOrigin arrival && data.path(pathId) instanceof UdpPath registered
                && !arrival.source().equals(registered.peer())) {
            log.info("device {} path {} moved from {} to {}", deviceId, pathId, registered.peer(), arrival.source());
            registered.moveTo(arrival.source());
        }
    }

    Instant tokenExpires() {
        return tokenExpires;
    }

    long lastControlNanos() {
        return lastControlNanos;
    }

    String transport() {
        PathTransport p = data.activePath() < 0 ? null : data.path(data.activePath());
        return p == null ? "none" : p.kind();
    }

    /** Ends the session, telling the device why (best effort). */
    void close(String reason, String message) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            control.send(new ControlMessage.Close(reason, message));
        } catch (IOException ignored) {
            // already gone
        }
        control.close();
        if (!CloseReason.SHUTDOWN.equals(reason)) {
            log.info("session {} of device {} closed: {} ({})", sessionId, deviceId, reason, message);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** The UDP arrival of the datagram being processed: its source, for path registration and NAT rebinding. */
    static final class UdpOrigin implements PathTransport {
        private InetSocketAddress source;

        void set(InetSocketAddress source) {
            this.source = source;
        }

        InetSocketAddress source() {
            return source;
        }

        @Override
        public void send(ByteBuffer datagram) {
            throw new UnsupportedOperationException("an arrival is not a path");
        }

        @Override
        public String kind() {
            return "udp";
        }

        @Override
        public String describe() {
            return "udp:" + source;
        }
    }
}

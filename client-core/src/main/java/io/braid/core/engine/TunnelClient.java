package io.braid.core.engine;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.PathState;
import io.braid.core.api.messages.PathStatus;
import io.braid.core.api.messages.Transport;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.control.ControlMessage;
import io.braid.core.enroll.CertificateRenewal;
import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.KillSwitchLevel;
import io.braid.core.netcfg.KillSwitchPolicy;
import io.braid.core.netcfg.RouteMode;
import io.braid.core.netcfg.TunnelRoutes;
import io.braid.core.netcfg.WanLink;
import io.braid.core.protocol.RekeyPolicy;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's tunnel: connects to the headend, configures the TUN and the OS network once, moves
 * packets, and keeps the tunnel up — reconnecting with backoff after a headend restart, a network
 * change or a lost control connection, re-resolving the headend's name every time, and keeping the
 * device's token fresh so the headend's continuous verification keeps admitting it.
 *
 * <p>The TUN and the network configuration outlive sessions (the overlay address is stable per
 * device), so a reconnect costs one handshake, not a reconfiguration. {@link #close()} undoes it all.
 */
public final class TunnelClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TunnelClient.class);

    /** How the user asked for the tunnel. */
    public record Options(String tunName, boolean fullTunnel, KillSwitchLevel killSwitch, Integer pathMtuOverride, RekeyPolicy rekey) {
        public static Options defaults() {
            return new Options("braid0", false, KillSwitchLevel.OFF, null, RekeyPolicy.DEFAULT);
        }

        public Options withRekey(RekeyPolicy policy) {
            return new Options(tunName, fullTunnel, killSwitch, pathMtuOverride, policy);
        }
    }

    private final CredentialStore store;
    private final CertificateRenewal renewal;
    private final ClientEnvironment env;
    private final Options options;
    private final SecureRandom random = new SecureRandom();
    private final Backoff backoff = new Backoff(250_000_000L, 30_000_000_000L, random);
    private final List<Consumer<TunnelStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile DeviceCredentials device;
    private volatile ClientSession session;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile String lastError;
    private volatile TunDevice tun;
    private volatile ControlMessage.Welcome configuredFor;
    private volatile long lastRefreshAttemptNanos = Long.MIN_VALUE / 2;
    private Thread supervisor;
    private Thread tunPump;

    public TunnelClient(CredentialStore store, CertificateRenewal renewal, ClientEnvironment env, Options options) {
        this.store = store;
        this.renewal = renewal;
        this.env = env;
        this.options = options;
    }

    public void addListener(Consumer<TunnelStatus> listener) {
        listeners.add(listener);
    }

    /** Starts connecting in the background; {@link #status()} and the listeners follow progress. */
    public void start() {
        device = store.require();
        supervisor = Thread.ofPlatform().name("braid-supervisor").start(this::supervise);
    }

    /** Blocks until the client has stopped (after {@link #close()}). */
    public void awaitStop() throws InterruptedException {
        finished.await();
    }

    private void supervise() {
        try {
            while (!stopped.get()) {
                setState(configuredFor == null ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING);
                String ended;
                try {
                    ended = connectAndRun();
                } catch (BraidException e) {
                    ended = e.getMessage();
                    if (e.code() == ErrorCode.UNAUTHENTICATED) {
                        refreshTokenNow();
                    }
                } catch (IOException | RuntimeException e) {
                    ended = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    log.debug("session failed", e);
                }
                if (stopped.get()) {
                    break;
                }
                lastError = ended;
                log.info("tunnel down: {}", ended);
                long delay = backoff.nextDelayNanos();
                setState(ConnectionState.RECONNECTING);
                sleepNanos(delay);
            }
        } finally {
            finished.countDown();
        }
    }

    private String connectAndRun() throws IOException {
        DeviceCredentials creds = freshCredentials();
        HeadendHandshake.Established established = HeadendHandshake.connect(creds, options.rekey(), random, System.nanoTime());
        try {
            configureOnce(established);
        } catch (IOException | RuntimeException e) {
            established.control().close();
            throw e;
        }
        InetSocketAddress udpTarget = new InetSocketAddress(established.headend().getAddress(), established.welcome().udpPort());
        ClientSession s;
        try {
            s = new ClientSession(established, tun, env.openPath(udpTarget), options.pathMtuOverride(), random, this::maintain);
        } catch (IOException | RuntimeException e) {
            established.control().close();
            throw e;
        }
        session = s;
        backoff.reset();
        lastError = null;
        setState(ConnectionState.CONNECTED);
        log.info("tunnel up: {} via {} as {}", established.headendName(), s.transport(), established.welcome().overlayIpv4());
        try {
            return s.run();
        } finally {
            session = null;
            s.close();
        }
    }

    /** The token the hello carries must be valid: refresh it first when it is close to expiry. */
    private DeviceCredentials freshCredentials() {
        DeviceCredentials creds = device;
        if (creds.token() == null || creds.token().expiresAt().isBefore(Instant.now().plus(Duration.ofMinutes(2)))) {
            creds = renewal.refreshToken(creds);
            device = creds;
        }
        return creds;
    }

    /** Sets up the TUN and the OS network for the overlay the headend assigned (once; again only if it changed). */
    private void configureOnce(HeadendHandshake.Established e) throws IOException {
        ControlMessage.Welcome w = e.welcome();
        if (configuredFor != null && sameNetwork(configuredFor, w)) {
            return;
        }
        if (configuredFor != null) {
            env.network().revertAll();
        }
        if (tun == null) {
            tun = env.openTun(options.tunName(), w.mtu());
            tunPump = Thread.ofPlatform().name("braid-tun").daemon().start(this::pumpTun);
        }
        List<IpPrefix> addresses = new ArrayList<>();
        addresses.add(new IpPrefix(IpPrefix.literal(w.overlayIpv4()), w.ipv4PrefixLength()));
        boolean ipv6 = w.overlayIpv6() != null && io.braid.core.netcfg.Ipv6Availability.enabled();
        if (ipv6) {
            addresses.add(new IpPrefix(IpPrefix.literal(w.overlayIpv6()), w.ipv6PrefixLength()));
        }
        env.network().configureInterface(new InterfaceSettings(tun.name(), addresses, w.mtu()));
        List<InetAddress> headends = List.of(e.headend().getAddress());
        List<WanLink> wans = options.fullTunnel() ? env.wans() : List.of();
        env.network().applyRoutes(new TunnelRoutes(tun.name(), options.fullTunnel() ? RouteMode.FULL : RouteMode.SPLIT,
                w.routes().stream().map(IpPrefix::parse).filter(r -> ipv6 || !r.isIpv6()).toList(), headends, wans, ipv6));
        if (!w.dns().isEmpty()) {
            env.network().applyDns(new DnsSettings(tun.name(), w.dns().stream().map(IpPrefix::literal).toList(), w.searchDomains(),
                    options.fullTunnel()));
        }
        if (options.killSwitch() != KillSwitchLevel.OFF) {
            env.network().applyKillSwitch(new KillSwitchPolicy(options.killSwitch(), tun.name(), headends, List.of()));
        }
        configuredFor = w;
    }

    private static boolean sameNetwork(ControlMessage.Welcome a, ControlMessage.Welcome b) {
        return a.overlayIpv4().equals(b.overlayIpv4()) && java.util.Objects.equals(a.overlayIpv6(), b.overlayIpv6())
                && a.routes().equals(b.routes()) && a.dns().equals(b.dns()) && a.mtu() == b.mtu();
    }

    /** TUN to network, for the life of the client: packets read while no session is up are dropped. */
    private void pumpTun() {
        ByteBuffer in = ByteBuffer.allocateDirect(65535);
        ByteBuffer out = ByteBuffer.allocateDirect(DataSession.MAX_DATAGRAM);
        TunDevice device = tun;
        while (!stopped.get()) {
            try {
                in.clear();
                device.read(in);
                in.flip();
                ClientSession s = session;
                if (s != null) {
                    s.data().sendInner(in, out, System.nanoTime());
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.debug("sending a packet failed: {}", e.getMessage());
            }
        }
    }

    /** Called on every session tick: keeps the token fresh (at two thirds of its life) and the certificate renewed. */
    private void maintain() {
        DeviceCredentials creds = device;
        if (creds.token() == null) {
            return;
        }
        Instant expires = creds.token().expiresAt();
        boolean due = Instant.now().isAfter(expires.minus(Duration.ofMinutes(5)));
        long now = System.nanoTime();
        if (due && now - lastRefreshAttemptNanos > 30_000_000_000L && refreshing.compareAndSet(false, true)) {
            lastRefreshAttemptNanos = now;
            Thread.ofVirtual().name("braid-token-refresh").start(() -> {
                try {
                    refreshTokenNow();
                } finally {
                    refreshing.set(false);
                }
            });
        }
    }

    private void refreshTokenNow() {
        try {
            DeviceCredentials refreshed = renewal.renewIfDue(device);
            refreshed = renewal.refreshToken(refreshed);
            device = refreshed;
            ClientSession s = session;
            if (s != null) {
                s.sendToken(refreshed.token().accessToken());
            }
        } catch (BraidException | IOException e) {
            lastError = "token refresh failed: " + e.getMessage();
            log.warn("token refresh failed: {}", e.getMessage());
        }
    }

    public TunnelStatus status() {
        ClientSession s = session;
        String killSwitch = options.killSwitch().wireName();
        if (s == null) {
            return new TunnelStatus(state, null, null, null, 0, 0, 0, 0, lastError, null, killSwitch, List.of());
        }
        DataSession.Counters c = s.data().counters();
        Transport transport = "tcp".equals(s.transport()) ? Transport.TCP : Transport.UDP;
        PathStatus path = new PathStatus(transport == Transport.TCP ? "control connection" : "udp", PathState.UP, s.rttMillis(), Double.NaN,
                Double.NaN, 0, 0, c.bytesIn() + c.bytesOut(), null);
        return new TunnelStatus(state, s.established().headendName(), transport, s.connectedAt(), c.bytesIn(), c.bytesOut(),
                c.packetsIn(), c.packetsOut(), lastError, null, killSwitch, List.of(path));
    }

    /** The path MTU the session found (0 without a session). */
    public int pathMtu() {
        ClientSession s = session;
        return s == null ? 0 : s.pathMtu();
    }

    public DeviceCredentials device() {
        return device;
    }

    private void setState(ConnectionState newState) {
        state = newState;
        TunnelStatus snapshot = status();
        for (Consumer<TunnelStatus> l : listeners) {
            l.accept(snapshot);
        }
    }

    private void sleepNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        while (!stopped.get() && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Ends the session, stops the threads, closes the TUN and undoes the network configuration. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        ClientSession s = session;
        if (s != null) {
            s.close();
        }
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (tun != null) {
                tun.close();
            }
        } catch (IOException e) {
            log.debug("closing the TUN: {}", e.getMessage());
        }
        try {
            env.network().close();
        } catch (IOException e) {
            log.warn("undoing the network configuration failed: {}", e.getMessage());
        }
        setState(ConnectionState.DISCONNECTED);
        if (tunPump != null) {
            tunPump.interrupt();
        }
    }
}

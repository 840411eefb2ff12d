package io.braid.server.headend;

import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import io.braid.server.ManagerServices;
import io.braid.server.auth.TokenVerifier;
import io.braid.server.config.ServerConfig;
import io.braid.server.policy.CompiledPolicy;
import io.braid.server.policy.FlowTable;
import io.braid.server.policy.PolicyEnforcer;
import io.braid.server.events.PolicyChanged;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A headend running in the manager's process ({@code --role all}): it reads the CRL, token keys and
 * devices straight from the manager, presents the manager's certificate, and by default lets every
 * device reach the declared routes.
 */
public final class HeadendRuntime implements AutoCloseable {
    private final HeadendNetwork network;
    private final Headend headend;
    private final ManagerServices services;
    private final io.braid.server.fleet.Headend identity;

    private HeadendRuntime(HeadendNetwork network, Headend headend, ManagerServices services, io.braid.server.fleet.Headend identity) {
        this.network = network;
        this.headend = headend;
        this.services = services;
        this.identity = identity;
    }

    /** Options of {@code braid-server serve} that concern the headend. */
    public record Options(String tunName, boolean masquerade, Duration crlRefresh) {}

    public static HeadendRuntime start(ManagerServices s, Options options, Clock clock) throws IOException {
        HeadendConfig config = config(s, options);
        HeadendNetwork network = HeadendNetwork.open(config);
        try {
            Headend headend = create(s, config, clock, network.tun());
            headend.start();
            HeadendMetrics.register(s.metrics().registry(), headend);
            var identity = new io.braid.server.fleet.Headend("local", s.config().primaryHost(),
                    s.config().primaryHost() + ":" + s.config().headendPort(), io.braid.core.BraidVersion.current(), clock.instant());
            s.events().publish(new io.braid.server.events.HeadendChanged(true, identity));
            return new HeadendRuntime(network, headend, s, identity);
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** The headend's settings derived from the manager's configuration and the serve options. */
    public static HeadendConfig config(ManagerServices s, Options options) {
        ServerConfig c = s.config();
        return new HeadendConfig(c.bindAddress(), c.headendPort(), options.tunName(), c.overlayPool(),
                s.overlay().headendIpv4(), s.overlay().ulaPrefix(), s.overlay().headendIpv6(), c.tunnelMtu(), c.routes(), c.dns(),
                c.searchDomains(), options.crlRefresh(), Duration.ofSeconds(5), Duration.ofSeconds(30), Headend.defaultIdleTimeout(),
                options.masquerade(), c.dataDir().resolve("headend"));
    }

    /** A headend wired to an in-process manager, on the given TUN (not started). */
    public static Headend create(ManagerServices s, HeadendConfig config, Clock clock, io.braid.core.tun.TunDevice tun) {
        CrlCache crl = new CrlCache(s.crl()::current, s.pki().ca().issuing().getPublicKey());
        Admission admission = new Admission(crl, new TokenVerifier(s.tokenKeys().publicJwks(), s.tokenIssuer(), clock),
                new ManagerDeviceDirectory(s.devices()));
        PolicyEnforcer policy = new PolicyEnforcer(new CompiledPolicy(s.policies().list()),
                new FlowTable(1 << 16, Duration.ofMinutes(5).toNanos()));
        // Policy changes reach the running headend at once: rules are recompiled and swapped atomically.
        s.events().listen(event -> {
            if (event instanceof PolicyChanged) {
                policy.update(new CompiledPolicy(s.policies().list()));
            }
        });
        Headend headend = new Headend(config, TlsContexts.withIdentity(s.pki().managerKey(), s.pki().managerChain(),
                PinnedCaTrust.forRoot(s.pki().ca().root())), admission, crl, policy, tun, clock);
        headend.observe(new EventBusObserver(s.events(), "local"));
        return headend;
    }

    public Headend headend() {
        return headend;
    }

    @Override
    public void close() {
        headend.close();
        network.close();
        services.events().publish(new io.braid.server.events.HeadendChanged(false, identity));
    }
}

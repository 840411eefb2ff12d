package io.braid.server.headend;

import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.Ipv6Availability;
import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.NetworkConfigurators;
import io.braid.core.netcfg.ProcessCommandRunner;
import io.braid.core.tun.TunDevice;
import io.braid.core.tun.TunDevices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headend's side of the operating system: its TUN with the overlay gateway addresses
 * (journaled like the client's changes, so a crashed headend's leftovers are undone at the next
 * start), kernel IPv4 forwarding, and, if asked, an nftables masquerade so the protected networks
 * need no route back to the overlay. {@link #close()} undoes all of it.
 */
public final class HeadendNetwork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeadendNetwork.class);
    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");
    static final String NAT_TABLE = "braid_headend";

    private final TunDevice tun;
    private final NetworkConfigurator network;
    private final CommandRunner runner;
    private final String previousForwarding;
    private final boolean masquerade;

    private HeadendNetwork(TunDevice tun, NetworkConfigurator network, CommandRunner runner, String previousForwarding, boolean masquerade) {
        this.tun = tun;
        this.network = network;
        this.runner = runner;
        this.previousForwarding = previousForwarding;
        this.masquerade = masquerade;
    }

    public static HeadendNetwork open(HeadendConfig config) throws IOException {
        CommandRunner runner = new ProcessCommandRunner();
        Files.createDirectories(config.stateDir());
        NetworkConfigurator network = NetworkConfigurators.open(config.stateDir());
        TunDevice tun = null;
        try {
            tun = TunDevices.open(config.tunName(), config.mtu());
            List<IpPrefix> addresses = new ArrayList<>();
            addresses.add(new IpPrefix(IpPrefix.literal(config.gatewayIpv4()), config.poolPrefixLength()));
            if (Ipv6Availability.enabled()) {
                addresses.add(new IpPrefix(IpPrefix.literal(config.gatewayIpv6()), 48));
            }
            network.configureInterface(new InterfaceSettings(tun.name(), addresses, config.mtu()));
            String previous = Files.readString(IP_FORWARD).trim();
            Files.writeString(IP_FORWARD, "1\n");
            runner.execute(List.of("nft", "delete", "table", "ip", NAT_TABLE), null); // a crashed run's table, if any
            if (config.masquerade()) {
                runner.run(List.of("nft", "-f", "-"), "table ip " + NAT_TABLE + " {\n"
                        + "  chain postrouting {\n"
                        + "    type nat hook postrouting priority srcnat; policy accept;\n"
                        + "    ip saddr " + config.overlayPool() + " oifname != \"" + tun.name() + "\" masquerade\n"
                        + "  }\n"
                        + "}\n");
            }
            return new HeadendNetwork(tun, network, runner, previous, config.masquerade());
        } catch (IOException | RuntimeException e) {
            if (tun != null) {
                tun.close();
            }
            network.close();
            throw e;
        }
    }

    public TunDevice tun() {
        return tun;
    }

    @Override
    public void close() {
        try {
            tun.close();
        } catch (IOException e) {
            log.debug("closing TUN: {}", e.getMessage());
        }
        try {
            if (masquerade) {
                runner.execute(List.of("nft", "delete", "table", "ip", NAT_TABLE), null);
            }
            Files.writeString(IP_FORWARD, previousForwarding + "\n");
        } catch (IOException e) {
            log.warn("restoring forwarding/NAT failed: {}", e.getMessage());
        }
        try {
            network.close();
        } catch (IOException e) {
            log.warn("undoing the headend's interface configuration failed: {}", e.getMessage());
        }
    }
}

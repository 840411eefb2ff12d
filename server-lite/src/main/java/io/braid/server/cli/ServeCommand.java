package io.braid.server.cli;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.cli.Durations;
import io.braid.core.platform.Privileges;
import io.braid.server.ManagerServer;
import io.braid.server.headend.HeadendRuntime;
import io.braid.server.config.NetworkValues;
import io.braid.server.config.ServerConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the server (manager and headend) on its embedded store until stopped.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--public-host", paramLabel = "NAME",
            description = "Name or address devices use to reach this server; repeatable; first one goes into enrollment links."
                    + " Default: this machine's host name and addresses.")
    List<String> publicHosts = new ArrayList<>();

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8443", description = "Manager HTTPS port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--headend-port", paramLabel = "PORT", defaultValue = "8444",
            description = "Headend control/data port given to devices (default: ${DEFAULT-VALUE}).")
    int headendPort;

    @Option(names = "--route", paramLabel = "CIDR", description = "A protected network behind the headend, pushed to devices; repeatable.")
    List<String> routes = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "ADDR", description = "A DNS resolver pushed to devices; repeatable.")
    List<String> dns = new ArrayList<>();

    @Option(names = "--search-domain", paramLabel = "DOMAIN", description = "A DNS search domain pushed to devices; repeatable.")
    List<String> searchDomains = new ArrayList<>();

    @Option(names = "--overlay-pool", paramLabel = "CIDR", defaultValue = ServerConfig.DEFAULT_OVERLAY_POOL,
            description = "IPv4 pool for device overlay addresses (default: ${DEFAULT-VALUE}).")
    String overlayPool;

    @Option(names = "--mtu", paramLabel = "BYTES", defaultValue = "1380", description = "Tunnel MTU given to devices (default: ${DEFAULT-VALUE}).")
    int mtu;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "all",
            description = "What this process runs: all (manager and headend), manager, or headend (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--tun", paramLabel = "NAME", defaultValue = "braid0", description = "The headend's TUN device (default: ${DEFAULT-VALUE}).")
    String tunName;

    @Option(names = "--masquerade", description = "NAT device traffic to the protected networks behind the headend's address (nftables).")
    boolean masquerade;

    @Option(names = "--crl-refresh", paramLabel = "DURATION", defaultValue = "30s",
            description = "How often the headend fetches the CRL: the longest a revocation waits (default: ${DEFAULT-VALUE}).")
    String crlRefresh;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = config();
        boolean headend = switch (role) {
            case "all" -> true;
            case "manager" -> false;
            case "headend" -> throw new BraidException(ErrorCode.BAD_INPUT,
                    "a headend on its own needs a remote manager (--manager URL --join-token), which this build does not have yet; use --role all");
            default -> throw new BraidException(ErrorCode.BAD_INPUT, "--role must be all, manager or headend, not " + role);
        };
        java.time.Duration crlInterval = Durations.parse(crlRefresh);
        if (headend && !Privileges.isPrivileged()) {
            throw new BraidException(ErrorCode.FORBIDDEN,
                    "the headend needs root (CAP_NET_ADMIN) for its TUN device and forwarding; run as root, or use --role manager");
        }
        PrintWriter out = spec.commandLine().getOut();
        log.info("starting: {} role={}", config, role);
        ManagerServer server = ManagerServer.start(config, Clock.systemUTC());
        HeadendRuntime headendRuntime = null;
        if (headend) {
            try {
                headendRuntime = HeadendRuntime.start(server.services(), new HeadendRuntime.Options(tunName, masquerade, crlInterval),
                        Clock.systemUTC());
            } catch (java.io.IOException | RuntimeException e) {
                server.close();
                throw new BraidException(ErrorCode.INTERNAL, "the headend could not start: " + e.getMessage(), e);
            }
        }
        HeadendRuntime runningHeadend = headendRuntime;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (runningHeadend != null) {
                runningHeadend.close();
            }
            server.close();
            stopped.countDown();
        }, "braid-server-shutdown"));
        out.println("braid-server: manager on https://" + config.primaryHost() + ":" + server.port()
                + (headend ? ", headend on " + config.primaryHost() + ":" + config.headendPort() + " (tcp+udp)" : "")
                + " (data " + config.dataDir() + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    private ServerConfig config() {
        List<String> hosts = publicHosts.isEmpty() ? NetworkValues.defaultPublicHosts() : publicHosts.stream().map(NetworkValues::host).toList();
        if (port < 0 || port > 65535 || headendPort < 1 || headendPort > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "ports must be between 1 and 65535");
        }
        if (mtu < 1280 || mtu > 9000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mtu must be between 1280 and 9000");
        }
        String pool = NetworkValues.cidr(overlayPool);
        return new ServerConfig(dataDir.resolve(), hosts, NetworkValues.address(bind), port, headendPort,
                routes.stream().map(NetworkValues::cidr).toList(), dns.stream().map(NetworkValues::address).toList(),
                searchDomains.stream().map(NetworkValues::host).toList(), pool, mtu);
    }
}

package io.braid.e2e.testbed;

import io.braid.core.netcfg.CommandResult;
import io.braid.core.netcfg.PrefixedCommandRunner;
import io.braid.core.netcfg.ProcessCommandRunner;
import io.braid.core.testing.Netns;
import io.braid.core.testing.Veth;
import io.braid.e2e.linkemu.LinkEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Braid's end-to-end network on one Linux machine, in network namespaces joined by veth pairs:
 * a client with one to three WAN links to a router ("the internet"), a headend with ONE public
 * address behind the router, and a protected LAN with one host behind the headend. Addresses in
 * {@link Addresses}. Each WAN link has its own rate (tbf), loss (nftables) and, when asked for,
 * delay, jitter and outages from the userspace {@link LinkEmulator}; see {@link Wan}.
 *
 * <pre>{@code
 * try (Testbed tb = Testbed.builder()
 *         .wan(LinkSpec.plain().rate(50).delay(Duration.ofMillis(10)))
 *         .wan(LinkSpec.plain().rate(50).loss(1))
 *         .build()) {
 *     NsProcess server = tb.start(tb.lan(), "iperf3", "-s");
 *     tb.wan(1).cut(Cut.BLACKHOLE);
 * }   // processes ended by PID, emulators stopped, namespaces deleted
 * }</pre>
 *
 * The LAN is not reachable from the client without a tunnel: the router has no route to it. The
 * client has a default route through every WAN (wan1 preferred, see {@link Wan#routeMetric()}) and
 * loose reverse-path filtering, like a laptop on several links; WAN pinning is the tunnel's job.
 * Names are unique per run, so runs in parallel never collide; {@link #close()} removes everything,
 * and a JVM shutdown hook does the same if the program is stopped first.
 */
public final class Testbed implements AutoCloseable {
    public static final int MAX_WANS = 3;
    /** The router's interface towards the headend. */
    public static final String ROUTER_PUBLIC_IF = "rpub";

    private final Cleanup cleanup;
    private final Netns client;
    private final Netns router;
    private final Netns headend;
    private final Netns lan;
    private final List<Wan> wans;
    private final Path workDir;
    private final Thread shutdownHook;

    private Testbed(Cleanup cleanup, Netns client, Netns router, Netns headend, Netns lan, List<Wan> wans, Path workDir) {
        this.cleanup = cleanup;
        this.client = client;
        this.router = router;
        this.headend = headend;
        this.lan = lan;
        this.wans = List.copyOf(wans);
        this.workDir = workDir;
        this.shutdownHook = new Thread(cleanup::close, "testbed-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The WAN links a testbed gets, in order: wan1, wan2, ... */
    public static final class Builder {
        private final List<LinkSpec> links = new ArrayList<>();

        public Builder wan(LinkSpec link) {
            if (links.size() == MAX_WANS) throw new IllegalArgumentException("at most " + MAX_WANS + " WAN links");
            links.add(link);
            return this;
        }

        public Testbed build() throws IOException {
            if (links.isEmpty()) throw new IllegalArgumentException("a testbed needs at least one WAN link");
            Cleanup cleanup = new Cleanup();
            try {
                return Testbed.build(cleanup, links);
            } catch (IOException | RuntimeException e) {
                try {
                    cleanup.close();
                } catch (RuntimeException c) {
                    e.addSuppressed(c);
                }
                throw e;
            }
        }
    }

    private static Testbed build(Cleanup cleanup, List<LinkSpec> links) throws IOException {
        Path workDir = Files.createTempDirectory("braid-testbed-");
        cleanup.push(() -> deleteTree(workDir));
        Netns client = cleanup.push(Netns.create("bc"));
        Netns router = cleanup.push(Netns.create("br"));
        Netns headend = cleanup.push(Netns.create("bh"));
        Netns lan = cleanup.push(Netns.create("bl"));
        for (Netns ns : List.of(client, router, headend, lan)) ns.disableIpv6();
        Veth.connect(router, ROUTER_PUBLIC_IF, Addresses.ROUTER_PUBLIC + "/24", headend, "pub", Addresses.HEADEND_PUBLIC + "/24");
        Veth.connect(headend, "lan0", Addresses.LAN_GATEWAY + "/24", lan, "eth0", Addresses.LAN_HOST + "/24");
        router.enableForwarding();
        headend.enableForwarding(); // tunnels end here and forward on to the LAN
        headend.exec("ip", "route", "add", "default", "via", Addresses.ROUTER_PUBLIC);
        lan.exec("ip", "route", "add", "default", "via", Addresses.LAN_GATEWAY);
        // Loose reverse-path filtering, as on a multi-homed host: replies may come back on any WAN.
        client.exec("sysctl", "-q", "-w", "net.ipv4.conf.all.rp_filter=2", "net.ipv4.conf.default.rp_filter=2");
        RouterFilter filter = new RouterFilter(router);
        List<Wan> wans = new ArrayList<>();
        for (int n = 1; n <= links.size(); n++) {
            LinkSpec spec = links.get(n - 1);
            Veth.connect(client, "wan" + n, Addresses.wanClient(n) + "/24", router, "r" + n, Addresses.wanGateway(n) + "/24");
            LinkEmulator emulator = null;
            if (spec.isEmulated()) {
                emulator = cleanup.push(EmulatedPath.open(router, n, "r" + n, ROUTER_PUBLIC_IF));
                emulator.impair(spec.impairment());
            }
            filter.add(n, "r" + n, Addresses.wanGateway(n), spec.lossPercent());
            Wan wan = new Wan(n, client, router, filter, emulator, 0);
            wan.rate(spec.rateMbit());
            wan.addDefaultRoute();
            wans.add(wan);
        }
        return new Testbed(cleanup, client, router, headend, lan, wans, workDir);
    }

    public Netns client() {
        return client;
    }

    public Netns router() {
        return router;
    }

    public Netns headend() {
        return headend;
    }

    /** The protected LAN's host ({@link Addresses#LAN_HOST}). */
    public Netns lan() {
        return lan;
    }

    /** WAN {@code n}, 1-based. */
    public Wan wan(int n) {
        return wans.get(n - 1);
    }

    public List<Wan> wans() {
        return wans;
    }

    /** {@link Wan#routeBySource} for every WAN. */
    public void routeBySource(boolean on) throws IOException {
        for (Wan wan : wans) wan.routeBySource(on);
    }

    /** A directory removed with the testbed: configuration files, keys, logs of processes. */
    public Path workDir() {
        return workDir;
    }

    /** Starts a long-running program in {@code ns}; the testbed ends it by PID when it closes, if nobody did before. */
    public NsProcess start(Netns ns, String... command) throws IOException {
        return start(ns, Map.of(), List.of(command));
    }

    public NsProcess start(Netns ns, Map<String, String> env, List<String> command) throws IOException {
        String logName = Path.of(command.getFirst()).getFileName() + "-" + ns.name() + "-" + System.nanoTime() + ".log";
        return cleanup.push(NsProcess.start(ns, workDir.resolve(logName), env, command));
    }

    /** Runs a command in {@code ns} to its end (killed past {@code timeout}) and returns what it did, whatever its exit code. */
    public static CommandResult run(Netns ns, Duration timeout, String... command) throws IOException {
        return PrefixedCommandRunner.inNetns(new ProcessCommandRunner(timeout), ns.name()).execute(List.of(command), null);
    }

    /** A few lines for humans: namespaces, addresses, links. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("client  ").append(client.name()).append('\n');
        out.append("router  ").append(router.name()).append('\n');
        out.append("headend ").append(headend.name()).append("  public ").append(Addresses.HEADEND_PUBLIC)
                .append(", LAN gateway ").append(Addresses.LAN_GATEWAY).append('\n');
        out.append("lan     ").append(lan.name()).append("  host ").append(Addresses.LAN_HOST).append('\n');
        for (Wan wan : wans) out.append(wan).append('\n');
        return out.toString();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook is running: it does the same clean-up
        }
        cleanup.close();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir, e);
        }
    }
}

package io.braid.e2e.bench;

import io.braid.e2e.measure.Iperf3;
import io.braid.e2e.measure.Medians;
import io.braid.e2e.measure.Ping;
import io.braid.e2e.measure.Stall;
import io.braid.e2e.peers.Mptcp;
import io.braid.e2e.peers.NoTunnel;
import io.braid.e2e.peers.OpenVpn;
import io.braid.e2e.peers.ReferencePath;
import io.braid.e2e.peers.Tools;
import io.braid.e2e.peers.WireGuardGo;
import io.braid.e2e.testbed.Cut;
import io.braid.e2e.testbed.LinkSpec;
import io.braid.e2e.testbed.NsProcess;
import io.braid.e2e.testbed.Testbed;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Tunnels and bonds side by side in one run on the namespace testbed, printed as markdown.
 *
 * <p>Single path (one WAN, no rate limit): iperf3 TCP with 1 and 4 streams and ping RTT through
 * each contender to the LAN host, medians of N runs, and the tunnel processes' CPU (Mbit/s per
 * core of tunnel CPU). Bonding (2 × 50 Mbit/s tbf WANs): aggregate TCP, and the stall when WAN 1
 * goes down, or silently blackholes, 3 s into a download: see {@link Stall}.
 *
 * <p>THE HOOK: a contender is a label, the programs it needs, and how to open its
 * {@link ReferencePath} on a testbed. Braid's tunnel joins with one line in {@link #SINGLE_PATH}
 * and one in {@link #BONDS}. Usage (root): {@code TunnelBench [RUNS=3] [SECONDS=5] [all|single|bond]};
 * with BRAID_BENCH_TRACE set, each cut run's 100 ms trace goes to stderr.
 */
public final class TunnelBench {
    /** Opens a contender on a testbed; closing the path takes it down. */
    @FunctionalInterface
    public interface Opener {
        ReferencePath open(Testbed testbed) throws IOException;
    }

    public record Contender(String label, List<String> tools, Opener opener) {}

    static final List<Contender> SINGLE_PATH = List.of(
            new Contender("no tunnel", List.of(), NoTunnel::open),
            new Contender("wireguard-go", List.of("wireguard-go", "wg"), WireGuardGo::open),
            new Contender("OpenVPN AES-256-GCM", List.of("openvpn", "openssl"), tb -> OpenVpn.udp(tb, OpenVpn.Cipher.AES_256_GCM)),
            new Contender("OpenVPN CHACHA20-POLY1305", List.of("openvpn", "openssl"), tb -> OpenVpn.udp(tb, OpenVpn.Cipher.CHACHA20_POLY1305))
            // new Contender("Braid", List.of(), BraidTunnel::open),
    );

    static final List<Contender> BONDS = List.of(
            new Contender("plain TCP on WAN 1 (no bonding)", List.of(), NoTunnel::open),
            new Contender("MPTCP (kernel)", List.of("mptcpize"), Mptcp::open),
            new Contender("OpenVPN AES-256-GCM over MPTCP", List.of("mptcpize", "openvpn", "openssl"), tb -> OpenVpn.overMptcp(tb, OpenVpn.Cipher.AES_256_GCM))
            // new Contender("Braid bond", List.of(), BraidTunnel::bond),
    );

    private static final int PINGS = 20;
    private static final double BOND_RATE_MBIT = 50;
    private static final int CUT_RUN_SECONDS = 8;
    private static final Duration CUT_AFTER = Duration.ofSeconds(3);
    private static final double TRACE_INTERVAL = 0.1;

    private final int runs;
    private final int seconds;

    private TunnelBench(int runs, int seconds) {
        this.runs = runs;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TunnelBench bench = new TunnelBench(runs, seconds);
        String sections = args.length > 2 ? args[2] : "all";
        if (!sections.equals("bond")) bench.singlePath();
        if (!sections.equals("single")) bench.bonding();
    }

    private void singlePath() throws IOException {
        System.out.printf(Locale.ROOT, "%n### Single path (one WAN, no rate limit): medians of %d runs, iperf3 -t %d%n%n", runs, seconds);
        System.out.println("| path | TCP 1 stream Mbit/s | TCP 4 streams Mbit/s | Mbit/s per core of tunnel CPU (1 stream) | RTT ms | added RTT ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        double baseRtt = Double.NaN;
        try (Testbed tb = Testbed.builder().wan(LinkSpec.plain()).build()) {
            for (Contender c : SINGLE_PATH) {
                if (skipped(c)) continue;
                double[] one = new double[runs];
                double[] four = new double[runs];
                double[] perCore = new double[runs];
                double[] rtt = new double[runs];
                try (ReferencePath path = c.opener().open(tb);
                     NsProcess server = Iperf3.server(tb, path.serverSide(), path.target(), wrapper(path))) {
                    for (int r = 0; r < runs; r++) {
                        CpuMeter cpu = CpuMeter.start(path.processes());
                        one[r] = Iperf3.client(tb.client(), path.target(), Iperf3.Options.tcp(seconds, 1).wrappedIn(wrapper(path))).receivedMbit();
                        perCore[r] = cpu.mbitPerCore(one[r]);
                        four[r] = Iperf3.client(tb.client(), path.target(), Iperf3.Options.tcp(seconds, 4).wrappedIn(wrapper(path))).receivedMbit();
                        rtt[r] = Ping.run(tb.client(), path.target(), PINGS, Duration.ofMillis(20)).avgMs();
                    }
                }
                double medianRtt = Medians.of(rtt);
                if (Double.isNaN(baseRtt)) baseRtt = medianRtt;
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %s | %.3f | %+.3f |%n", c.label(), Medians.of(one), Medians.of(four),
                        orDash(Medians.of(perCore)), medianRtt, medianRtt - baseRtt);
            }
        }
    }

    private static String orDash(double m) {
        return Double.isNaN(m) ? "–" : String.format(Locale.ROOT, "%.0f", m);
    }

    private void bonding() throws IOException {
        System.out.printf(Locale.ROOT, "%n### Bonding (2 × %.0f Mbit/s tbf WANs): medians of %d runs%n%n", BOND_RATE_MBIT, runs);
        System.out.printf(Locale.ROOT, "Stall: WAN 1 is cut %d s into an %d s download (iperf3 -R --interval 0.1); the stall is the time, added up over"
                + " 100 ms intervals, in which the receiver got < 1/10 of its rate before the cut (∞: the flow never recovered).%n%n",
                CUT_AFTER.toSeconds(), CUT_RUN_SECONDS);
        System.out.println("| path | aggregate TCP Mbit/s | % of the sum | stall, WAN 1 link down (s) | stall, WAN 1 blackholed (s) |");
        System.out.println("|---|---:|---:|---:|---:|");
        LinkSpec wan = LinkSpec.plain().rate(BOND_RATE_MBIT);
        try (Testbed tb = Testbed.builder().wan(wan).wan(wan).build()) {
            for (Contender c : BONDS) {
                if (skipped(c)) continue;
                double[] aggregate = new double[runs];
                try (ReferencePath path = c.opener().open(tb);
                     NsProcess server = Iperf3.server(tb, path.serverSide(), path.target(), wrapper(path))) {
                    for (int r = 0; r < runs; r++) {
                        aggregate[r] = Iperf3.client(tb.client(), path.target(), Iperf3.Options.tcp(seconds, 1).wrappedIn(wrapper(path))).receivedMbit();
                    }
                }
                double down = stall(tb, c, Cut.LINK_DOWN);
                double blackhole = stall(tb, c, Cut.BLACKHOLE);
                double sum = BOND_RATE_MBIT * tb.wans().size();
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.0f %% | %s | %s |%n", c.label(), Medians.of(aggregate), 100 * Medians.of(aggregate) / sum,
                        seconds(down), seconds(blackhole));
            }
        }
    }

    /** Median stall over the runs; each run on a freshly opened path, so a cut never carries over into the next run. */
    private double stall(Testbed tb, Contender c, Cut cut) throws IOException {
        double[] stalls = new double[runs];
        for (int r = 0; r < runs; r++) {
            try (ReferencePath path = c.opener().open(tb);
                 NsProcess server = Iperf3.server(tb, path.serverSide(), path.target(), wrapper(path))) {
                Iperf3.Options options = Iperf3.Options.tcp(CUT_RUN_SECONDS, 1).reverse(TRACE_INTERVAL).wrappedIn(wrapper(path));
                CompletableFuture<Iperf3.Result> run = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Iperf3.trace(tb.client(), path.target(), options);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                long started = System.nanoTime();
                sleep(CUT_AFTER);
                tb.wan(1).cut(cut);
                double cutAtSeconds = (System.nanoTime() - started) / 1e9;
                try {
                    Iperf3.Result trace = run.join();
                    // iperf3's clock starts after it connects, a little after ours: the cut index errs early, which is safe.
                    int cutIndex = (int) Math.floor(cutAtSeconds / TRACE_INTERVAL) - 1;
                    if (System.getenv("BRAID_BENCH_TRACE") != null) System.err.println(c.label() + " " + cut + " cut at " + cutIndex + ": " + java.util.Arrays.toString(trace.intervalMbit()));
                    stalls[r] = Stall.starvedSeconds(trace.intervalMbit(), TRACE_INTERVAL, 10, Math.min(cutIndex, trace.intervalMbit().length - 1));
                } finally {
                    tb.wan(1).restore();
                }
            }
        }
        return Medians.of(stalls);
    }

    private static String seconds(double s) {
        return Double.isInfinite(s) ? "∞ (dies)" : String.format(Locale.ROOT, "%.1f", s);
    }

    private static String[] wrapper(ReferencePath path) {
        return path.wrapper().toArray(String[]::new);
    }

    private static boolean skipped(Contender c) {
        List<String> missing = Tools.missing(c.tools().toArray(String[]::new));
        if (missing.isEmpty()) return false;
        System.out.printf("| %s | not run: %s not installed | | | | |%n", c.label(), String.join(", ", missing));
        return true;
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** CPU time the tunnel's processes used over a measurement, from the kernel's per-process accounting. */
    private record CpuMeter(List<ProcessHandle> processes, long startCpuNanos, long startWall) {
        static CpuMeter start(List<NsProcess> processes) {
            List<ProcessHandle> handles = new ArrayList<>();
            for (NsProcess p : processes) ProcessHandle.of(p.pid()).ifPresent(handles::add);
            return new CpuMeter(handles, cpuNanos(handles), System.nanoTime());
        }

        /** Throughput per core of tunnel CPU; NaN when the path has no processes of its own (no tunnel, kernel MPTCP). */
        double mbitPerCore(double mbit) {
            if (processes.isEmpty()) return Double.NaN;
            double cores = (cpuNanos(processes) - startCpuNanos) / (double) (System.nanoTime() - startWall);
            return mbit / cores;
        }

        private static long cpuNanos(List<ProcessHandle> handles) {
            long total = 0;
            for (ProcessHandle h : handles) total += h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            return total;
        }
    }
}

package io.braid.e2e.bench;

import io.braid.e2e.linkemu.DirectionStats;
import io.braid.e2e.linkemu.LinkEmulator;
import io.braid.e2e.measure.Iperf3;
import io.braid.e2e.testbed.Addresses;
import io.braid.e2e.testbed.LinkSpec;
import io.braid.e2e.testbed.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Capacity and delay accuracy of the link emulator: UDP of 1,400-byte IP packets from the client
 * to the headend through one emulated link with a 10 ms delay, at rising offered rates; for each,
 * what arrived, what was lost, and how late the emulator released packets (p50/p99/max).
 * Usage (root): {@code LinkEmulatorBench [SECONDS=4] [MBIT...=150 300 500]}.
 */
public final class LinkEmulatorBench {
    private LinkEmulatorBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        double[] rates = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToDouble(Double::parseDouble).toArray()
                : new double[] {150, 300, 500};
        System.out.printf("# %s, link emulator, 10 ms one-way delay, UDP 1400-byte packets, %d s per rate%n%n", Instant.now(), seconds);
        System.out.println("| offered Mbit/s | received Mbit/s | lost | lateness p50 | p99 | max | packets > 1 ms late |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        try (Testbed tb = Testbed.builder().wan(LinkSpec.plain().delay(Duration.ofMillis(10))).build()) {
            Iperf3.server(tb, tb.headend(), Addresses.HEADEND_PUBLIC);
            Iperf3.client(tb.client(), Addresses.HEADEND_PUBLIC, Iperf3.Options.udp(1, 50, 1400)); // warm-up: JIT
            for (double rate : rates) {
                LinkEmulator emulator = tb.wan(1).emulator();
                emulator.resetStats();
                Iperf3.Result r = Iperf3.client(tb.client(), Addresses.HEADEND_PUBLIC, Iperf3.Options.udp(seconds, rate, 1400));
                DirectionStats s = emulator.upStats();
                System.out.printf(Locale.ROOT, "| %.0f | %.1f | %.2f %% | %.2f ms | %.2f ms | %.2f ms | %d of %d |%n", rate, r.receivedMbit(), r.lostPercent(),
                        s.latenessP50Nanos() / 1e6, s.latenessP99Nanos() / 1e6, s.latenessMaxNanos() / 1e6, s.releasedOver1msLate(), s.released());
            }
        }
    }
}

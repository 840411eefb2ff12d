package io.braid.e2e.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.json.Json;
import io.braid.core.netcfg.CommandResult;
import io.braid.core.testing.Netns;
import io.braid.e2e.testbed.NsProcess;
import io.braid.e2e.testbed.Testbed;
import io.braid.e2e.testbed.Waits;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * iperf3 runs between namespaces, read from its JSON output. A client run is bounded by its
 * length plus 20 s; the server is an {@link NsProcess} the testbed ends.
 */
public final class Iperf3 {
    public static final int PORT = 5201;

    private Iperf3() {}

    /** One run: the receiver's average, and per-interval rates (Mbit/s, one per {@code --interval}) as the client saw them. */
    public record Result(double receivedMbit, double lostPercent, double[] intervalMbit, double intervalSeconds, String error) {}

    /**
     * The options of a client run: seconds, parallel streams, reverse (the server sends), report
     * interval, a wrapper command, and for UDP the offered rate and datagram payload (0: TCP).
     */
    public record Options(int seconds, int streams, boolean reverse, double intervalSeconds, List<String> prefix, double udpMbit, int udpPayload, List<String> extra) {
        public static Options tcp(int seconds, int streams) {
            return new Options(seconds, streams, false, 1, List.of(), 0, 0, List.of());
        }

        /** UDP at {@code mbit} in datagrams of {@code ipPacketBytes} (IPv4 + UDP headers included). */
        public static Options udp(int seconds, double mbit, int ipPacketBytes) {
            return new Options(seconds, 1, false, 1, List.of(), mbit, ipPacketBytes - 28, List.of());
        }

        /** The server sends and the client reports what it received every {@code seconds}: a receiver-side trace. */
        public Options reverse(double intervalSeconds) {
            return new Options(seconds, streams, true, intervalSeconds, prefix, udpMbit, udpPayload, extra);
        }

        /** More iperf3 options, e.g. {@code --bind-dev wan2}. */
        public Options withExtra(String... options) {
            return new Options(seconds, streams, reverse, intervalSeconds, prefix, udpMbit, udpPayload, List.of(options));
        }

        /** A wrapper in front of iperf3, e.g. {@code mptcpize run}. */
        public Options wrappedIn(String... wrapper) {
            return new Options(seconds, streams, reverse, intervalSeconds, List.of(wrapper), udpMbit, udpPayload, extra);
        }
    }

    /** Starts a server in {@code ns} bound to {@code address} (every address: null), behind {@code wrapper}. */
    public static NsProcess server(Testbed testbed, Netns ns, String address, String... wrapper) throws IOException {
        List<String> command = new ArrayList<>(List.of(wrapper));
        command.addAll(List.of("iperf3", "-s", "-p", Integer.toString(PORT)));
        if (address != null) command.addAll(List.of("-B", address));
        NsProcess server = testbed.start(ns, java.util.Map.of(), command);
        awaitListening(ns, server);
        return server;
    }

    private static void awaitListening(Netns ns, NsProcess server) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new IOException("iperf3 server exited: " + server.output());
            if (ns.exec("ss", "-Hltn", "sport = :" + PORT).contains(":" + PORT)) return;
            Waits.sleep(50);
        }
        throw new IOException("iperf3 server not listening within 10 s: " + server.output());
    }

    /** Runs the client; fails if iperf3 reports an error. */
    public static Result client(Netns ns, String server, Options o) throws IOException {
        Result r = trace(ns, server, o);
        if (r.error() != null) throw new IOException("iperf3 to " + server + " failed: " + r.error());
        return r;
    }

    /**
     * Runs the client and returns what it saw even when the test broke off (a flow that died with
     * its link): the intervals up to then, and the error. Fails only when there is no trace at all.
     */
    public static Result trace(Netns ns, String server, Options o) throws IOException {
        List<String> command = new ArrayList<>(o.prefix());
        command.addAll(List.of("iperf3", "-c", server, "-p", Integer.toString(PORT), "-J", "-t", Integer.toString(o.seconds()),
                "-P", Integer.toString(o.streams()), "-i", Double.toString(o.intervalSeconds()), "--connect-timeout", "3000"));
        // A receiver whose flow died gives up after 3 s of silence instead of iperf3's default 2 minutes.
        if (o.reverse()) command.addAll(List.of("-R", "--rcv-timeout", "3000"));
        command.addAll(o.extra());
        if (o.udpMbit() > 0) command.addAll(List.of("-u", "-b", Math.round(o.udpMbit() * 1e6) + "", "-l", Integer.toString(o.udpPayload())));
        CommandResult r = Testbed.run(ns, Duration.ofSeconds(o.seconds() + 20L), command.toArray(String[]::new));
        JsonNode json = Json.lenient().readTree(r.stdout().isBlank() ? "{}" : r.stdout());
        String error = r.exitCode() != 0 || json.has("error") ? json.path("error").asText(r.stderr() + r.stdout()) : null;
        if (error != null && json.path("intervals").isEmpty()) throw new IOException("iperf3 to " + server + " failed: " + error);
        JsonNode intervals = json.path("intervals");
        double[] rates = new double[intervals.size()];
        for (int i = 0; i < rates.length; i++) rates[i] = intervals.get(i).path("sum").path("bits_per_second").asDouble() / 1e6;
        double received = json.path("end").path("sum_received").path("bits_per_second").asDouble() / 1e6;
        double lost = json.path("end").path("sum_received").path("lost_percent").asDouble();
        return new Result(received, lost, rates, o.intervalSeconds(), error);
    }
}

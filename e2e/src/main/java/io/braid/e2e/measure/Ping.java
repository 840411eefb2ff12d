package io.braid.e2e.measure;

import io.braid.core.netcfg.CommandResult;
import io.braid.core.testing.Netns;
import io.braid.e2e.testbed.Testbed;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Round-trip times with the system's ping (iputils), from inside a namespace. Bounded: count × interval + 5 s. */
public final class Ping {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern RTT = Pattern.compile("= ([\\d.]+)/([\\d.]+)/([\\d.]+)/([\\d.]+) ms");

    private Ping() {}

    /** What a ping run saw; RTTs are NaN when no reply came back. */
    public record Result(int sent, int received, double minMs, double avgMs, double maxMs) {
        public double lossPercent() {
            return sent == 0 ? 100 : 100.0 * (sent - received) / sent;
        }
    }

    /**
     * Sends {@code count} echo requests {@code interval} apart (≥ 2 ms as root) and waits ≤ 1 s for
     * the last reply; {@code options} go to ping, e.g. {@code "-I", "wan2"}.
     */
    public static Result run(Netns from, String to, int count, Duration interval, String... options) throws IOException {
        String seconds = String.format(Locale.ROOT, "%.3f", interval.toNanos() / 1e9);
        Duration bound = interval.multipliedBy(count).plusSeconds(5);
        List<String> command = new ArrayList<>(List.of("ping", "-n", "-q", "-c", Integer.toString(count), "-i", seconds, "-W", "1"));
        command.addAll(List.of(options));
        command.add(to);
        CommandResult r = Testbed.run(from, bound, command.toArray(String[]::new));
        return parse(r.stdout());
    }

    /** One echo reply of a {@code ping -D} run (not {@code -q}): its sequence number and when it arrived (Unix seconds). */
    public record Reply(int sequence, double arrivedAt) {}

    private static final Pattern REPLY = Pattern.compile("^\\[([\\d.]+)\\] .*icmp_seq=(\\d+)", Pattern.MULTILINE);

    /** The replies in the output of {@code ping -D ...}, in arrival order: gaps show when a path was out. */
    public static List<Reply> replies(String output) {
        List<Reply> replies = new ArrayList<>();
        Matcher m = REPLY.matcher(output);
        while (m.find()) replies.add(new Reply(Integer.parseInt(m.group(2)), Double.parseDouble(m.group(1))));
        return replies;
    }

    static Result parse(String output) {
        Matcher summary = SUMMARY.matcher(output);
        if (!summary.find()) throw new IllegalArgumentException("no ping summary in: " + output);
        int sent = Integer.parseInt(summary.group(1));
        int received = Integer.parseInt(summary.group(2));
        Matcher rtt = RTT.matcher(output);
        if (!rtt.find()) return new Result(sent, received, Double.NaN, Double.NaN, Double.NaN);
        return new Result(sent, received, Double.parseDouble(rtt.group(1)), Double.parseDouble(rtt.group(2)), Double.parseDouble(rtt.group(3)));
    }
}

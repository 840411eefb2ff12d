package io.braid.e2e.testbed.control;

import io.braid.e2e.linkemu.Impairment;
import io.braid.e2e.linkemu.LinkEmulator;
import io.braid.e2e.testbed.Cut;
import io.braid.e2e.testbed.Testbed;
import io.braid.e2e.testbed.Wan;
import java.io.IOException;
import java.util.Locale;

/**
 * The run-time controls of a testbed as one-line text commands (what {@code scripts/testbed.sh ctl}
 * sends over the control socket). Times in milliseconds, rates in Mbit/s, loss in percent:
 * <pre>
 *   status
 *   wan N rate MBIT | loss PERCENT | delay MS | jitter MS [reorder] | outage MS | outage start|end
 *   wan N cut down|blackhole | restore
 *   stats
 * </pre>
 * Every answer starts with "ok" or "error:".
 */
public final class ControlCommands {
    public static final String HELP = "commands: status | stats | wan N rate MBIT | wan N loss PERCENT | wan N delay MS | wan N jitter MS [reorder]"
            + " | wan N outage MS|start|end | wan N cut down|blackhole | wan N restore";

    private final Testbed testbed;

    public ControlCommands(Testbed testbed) {
        this.testbed = testbed;
    }

    public String execute(String line) {
        String[] w = line.strip().split("\\s+");
        try {
            return switch (w[0]) {
                case "status" -> "ok\n" + testbed.describe();
                case "stats" -> "ok\n" + stats();
                case "wan" -> wan(w);
                case "help", "" -> "ok\n" + HELP;
                default -> throw new IllegalArgumentException("unknown command '" + w[0] + "'; " + HELP);
            };
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            return "error: " + e.getMessage();
        }
    }

    private String wan(String[] w) throws IOException {
        if (w.length < 3) throw new IllegalArgumentException("usage: wan N SETTING [VALUE]; " + HELP);
        Wan wan = wanNumber(w[1]);
        String value = w.length > 3 ? w[3] : null;
        switch (w[2]) {
            case "rate" -> wan.rate(LinkSpecs.number("rate", required(value)));
            case "loss" -> wan.loss(LinkSpecs.number("loss", required(value)));
            case "delay" -> {
                LinkEmulator e = wan.emulator();
                Impairment now = e.upImpairment();
                e.impair(new Impairment(LinkSpecs.millis(LinkSpecs.number("delay", required(value))), now.jitter(), now.reorder()));
            }
            case "jitter" -> {
                LinkEmulator e = wan.emulator();
                boolean reorder = w.length > 4 && w[4].equals("reorder");
                e.impair(e.upImpairment().withJitter(LinkSpecs.millis(LinkSpecs.number("jitter", required(value))), reorder));
            }
            case "outage" -> outage(wan.emulator(), required(value));
            case "cut" -> wan.cut(switch (required(value)) {
                case "down" -> Cut.LINK_DOWN;
                case "blackhole" -> Cut.BLACKHOLE;
                default -> throw new IllegalArgumentException("cut how: down or blackhole, not '" + value + "'");
            });
            case "restore" -> wan.restore();
            default -> throw new IllegalArgumentException("unknown WAN setting '" + w[2] + "'; " + HELP);
        }
        return "ok\n" + wan;
    }

    private static void outage(LinkEmulator emulator, String value) {
        switch (value) {
            case "start" -> emulator.startOutage();
            case "end" -> emulator.endOutage();
            default -> emulator.outage(LinkSpecs.millis(LinkSpecs.number("outage", value)));
        }
    }

    private Wan wanNumber(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= testbed.wans().size()) return testbed.wan(n);
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException("no WAN '" + text + "': this testbed has wan 1.." + testbed.wans().size());
    }

    private static String required(String value) {
        if (value == null) throw new IllegalArgumentException("missing value; " + HELP);
        return value;
    }

    private String stats() {
        StringBuilder out = new StringBuilder();
        for (Wan wan : testbed.wans()) {
            if (!wan.isEmulated()) continue;
            out.append(String.format(Locale.ROOT, "%s up:   %s%n%s down: %s%n", wan.clientInterface(), wan.emulator().upStats(),
                    wan.clientInterface(), wan.emulator().downStats()));
        }
        return out.isEmpty() ? "no emulated WAN\n" : out.toString();
    }
}

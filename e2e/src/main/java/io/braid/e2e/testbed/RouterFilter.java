package io.braid.e2e.testbed;

import io.braid.core.testing.Netns;
import java.io.IOException;
import java.util.List;
import java.util.TreeMap;

/**
 * The router's nftables table for per-WAN random loss ({@code numgen random}, each direction
 * once) and silent blackholes (the WAN's gateway still answers, nothing beyond it does). The
 * whole table is re-rendered on every change and swapped in one {@code nft -f} transaction, so a
 * change never leaves a half-applied state.
 */
final class RouterFilter {
    private static final String TABLE = "inet braid_links";
    private static final int LOSS_SCALE = 10_000; // loss to 0.01 %

    private final Netns router;
    private final TreeMap<Integer, State> wans = new TreeMap<>();

    private record State(String routerIf, String gateway, double lossPercent, boolean blackhole) {}

    RouterFilter(Netns router) {
        this.router = router;
    }

    synchronized void add(int wan, String routerIf, String gateway, double lossPercent) throws IOException {
        wans.put(wan, new State(routerIf, gateway, lossPercent, false));
        apply();
    }

    synchronized void loss(int wan, double percent) throws IOException {
        State s = wans.get(wan);
        wans.put(wan, new State(s.routerIf, s.gateway, percent, s.blackhole));
        apply();
    }

    synchronized void blackhole(int wan, boolean on) throws IOException {
        State s = wans.get(wan);
        wans.put(wan, new State(s.routerIf, s.gateway, s.lossPercent, on));
        apply();
    }

    synchronized double loss(int wan) {
        return wans.get(wan).lossPercent;
    }

    synchronized boolean blackholed(int wan) {
        return wans.get(wan).blackhole;
    }

    private void apply() throws IOException {
        StringBuilder forward = new StringBuilder();
        StringBuilder input = new StringBuilder();
        for (State s : wans.values()) {
            String in = "iifname \"" + s.routerIf + "\" ";
            String out = "oifname \"" + s.routerIf + "\" ";
            if (s.blackhole) {
                forward.append("    ").append(in).append("drop\n    ").append(out).append("drop\n");
                input.append("    ").append(in).append("ip daddr != ").append(s.gateway).append(" drop\n");
            } else if (s.lossPercent > 0) {
                String loss = "numgen random mod " + LOSS_SCALE + " < " + Math.round(s.lossPercent * LOSS_SCALE / 100) + " drop\n";
                forward.append("    ").append(in).append(loss).append("    ").append(out).append(loss);
            }
        }
        String script = String.join("\n", List.of(
                "table " + TABLE,
                "delete table " + TABLE,
                "table " + TABLE + " {",
                "  chain forward {",
                "    type filter hook forward priority 0; policy accept;",
                forward + "  }",
                "  chain input {",
                "    type filter hook input priority 0; policy accept;",
                input + "  }",
                "}", ""));
        router.runner().run(List.of("nft", "-f", "-"), script);
    }
}

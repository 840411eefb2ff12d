package io.braid.cli.output;

import io.braid.core.api.client.AgentUnavailable;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.PathStatus;
import io.braid.core.cli.TextTable;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** {@code braid status} for people: one aligned line per fact, the paths as a table. Scripts use --json. */
public final class StatusText {
    private StatusText() {}

    public static void print(AgentStatus s, PrintWriter out, Instant now) {
        if (s.state() == ConnectionState.NOT_ENROLLED) {
            out.println("not enrolled (state directory " + s.stateDir() + "); run: braid enroll LINK");
            out.flush();
            return;
        }
        out.println("state:       " + state(s, now));
        out.println("device:      " + s.deviceId() + " (" + s.name() + ")");
        out.println("server:      " + s.server());
        out.println("overlay:     " + s.overlayIpv4() + " " + s.overlayIpv6());
        out.println("routes:      " + (s.routes().isEmpty() ? "-" : String.join(", ", s.routes())));
        if (s.headend() != null) {
            out.println("headend:     " + s.headend() + (s.transport() == null ? "" : " over " + s.transport().wire()));
            out.println("traffic:     in " + Units.bytes(s.bytesIn()) + " (" + s.packetsIn() + " packets), out " + Units.bytes(s.bytesOut())
                    + " (" + s.packetsOut() + " packets)");
        }
        if (s.mode() != null || s.killSwitch() != null) {
            out.println("mode:        " + orDash(s.mode()) + ", kill switch " + orDash(s.killSwitch()));
        }
        if (s.certificateExpires() != null) {
            out.println("certificate: valid until " + s.certificateExpires() + " (" + Duration.between(now, s.certificateExpires()).toDays() + " days)");
        }
        if (s.certificateWarning() != null) {
            out.println("warning:     " + s.certificateWarning());
        }
        if (s.lastError() != null) {
            out.println("last error:  " + s.lastError());
        }
        if (!s.paths().isEmpty()) {
            out.println();
            paths(s, out);
        }
        out.flush();
    }

    private static String state(AgentStatus s, Instant now) {
        return switch (s.state()) {
            case CONNECTED -> "connected" + (s.connectedSince() == null ? ""
                    : " since " + s.connectedSince() + " (" + Units.duration(Duration.between(s.connectedSince(), now)) + ")");
            case NOT_RUNNING -> "not running; " + AgentUnavailable.HOW_TO_START;
            default -> s.state().wire();
        };
    }

    private static void paths(AgentStatus s, PrintWriter out) {
        TextTable table = new TextTable("PATH", "STATE", "RTT", "JITTER", "LOSS", "IN", "OUT", "USED");
        for (PathStatus p : s.paths()) {
            table.row(p.name(), p.state() == null ? null : p.state().wire(), Units.millis(p.rttMillis()), Units.millis(p.jitterMillis()),
                    String.format("%.1f%%", p.lossPercent()), Units.bits(p.bpsIn()), Units.bits(p.bpsOut()),
                    Units.bytes(p.bytesUsed()) + (p.capBytes() == null ? "" : " of " + Units.bytes(p.capBytes())));
        }
        table.print(out);
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}

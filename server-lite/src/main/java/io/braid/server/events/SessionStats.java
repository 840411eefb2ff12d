package io.braid.server.events;

import io.braid.server.fleet.WanStatus;
import java.util.List;

/**
 * A session's current rates and per-WAN figures. The headend publishes one per session at most every
 * few seconds (not per packet): it feeds the overview's throughput and the device page's WAN table.
 */
public record SessionStats(String sessionId, long rxBitsPerSecond, long txBitsPerSecond, List<WanStatus> wans) implements ManagerEvent {
    public SessionStats {
        wans = List.copyOf(wans);
    }

    @Override
    public String type() {
        return "session.stats";
    }
}

package io.braid.server.events;

import io.braid.server.fleet.WanStatus;

/** One WAN path of a session changed state ({@code wan.up}, {@code wan.degraded}, {@code wan.down}). */
public record WanChanged(String sessionId, String deviceId, WanStatus wan) implements ManagerEvent {
    @Override
    public String type() {
        return "wan." + wan.state();
    }
}

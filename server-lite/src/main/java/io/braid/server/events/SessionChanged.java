package io.braid.server.events;

import io.braid.server.fleet.Session;

/**
 * A device's tunnel session came up or went down on a headend. {@code reason} says why it went down
 * (like {@code device_revoked}, {@code idle}, {@code headend_stopped}); null when up.
 */
public record SessionChanged(boolean up, Session session, String reason) implements ManagerEvent {
    @Override
    public String type() {
        return up ? "session.up" : "session.down";
    }
}

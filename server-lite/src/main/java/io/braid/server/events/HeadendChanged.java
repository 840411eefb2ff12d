package io.braid.server.events;

import io.braid.server.fleet.Headend;

/** A headend connected to (up) or left (down) this manager. Published by the headend side. */
public record HeadendChanged(boolean up, Headend headend) implements ManagerEvent {
    @Override
    public String type() {
        return up ? "headend.up" : "headend.down";
    }
}

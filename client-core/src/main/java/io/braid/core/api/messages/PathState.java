package io.braid.core.api.messages;

/** Health of one WAN path, as the bonding engine judges it from probes and feedback. */
public enum PathState implements WireValue {
    UP("up"),
    DEGRADED("degraded"),
    DOWN("down");

    private final String wire;

    PathState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}

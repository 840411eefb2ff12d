package io.braid.core.api;

import java.util.Optional;

/**
 * The local API's methods by wire name, each marked as reading or changing the agent. Reading
 * methods are open to every local user who can reach the socket; changing ones need root, the
 * agent's own user or the {@code braid} group (see {@link io.braid.core.api.server.Authorizer}).
 * Reserved methods are known names that answer {@code not_implemented} until their feature lands.
 */
public enum Method {
    STATUS("status", false, null),
    UP("up", true, null),
    DOWN("down", true, null),
    ENROLL("enroll", true, null),
    WATCH("watch", false, null),
    LOGS("logs", false, null),
    VERSION("version", false, null),
    MODE("mode", true, "multi-WAN bonding"),
    WANS("wans", false, "multi-WAN bonding"),
    WAN_SET("wan.set", true, "multi-WAN bonding");

    private final String wire;
    private final boolean changesState;
    private final String reservedFor;

    Method(String wire, boolean changesState, String reservedFor) {
        this.wire = wire;
        this.changesState = changesState;
        this.reservedFor = reservedFor;
    }

    public String wire() {
        return wire;
    }

    /** True for methods that need write access. */
    public boolean changesState() {
        return changesState;
    }

    /** The feature a reserved method waits for, or empty when the method works in this build. */
    public Optional<String> reservedFor() {
        return Optional.ofNullable(reservedFor);
    }

    public static Optional<Method> fromWire(String name) {
        for (Method m : values()) {
            if (m.wire.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}

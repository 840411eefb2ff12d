package io.braid.server.events;

import io.braid.server.store.Device;

/**
 * A device was enrolled, enabled, disabled, revoked or deleted. {@code device} is its state after the
 * change (null once deleted), so a listener can update its view without asking the store again.
 */
public record DeviceChanged(String change, String deviceId, Device device) implements ManagerEvent {
    public static final String ENROLLED = "enrolled";
    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
    public static final String REVOKED = "revoked";
    public static final String DELETED = "deleted";

    @Override
    public String type() {
        return "device." + change;
    }
}

package io.braid.core.api.messages;

import io.braid.core.store.DeviceCredentials;
import java.time.Instant;

/** What {@code enroll} answers and {@code braid enroll --json} prints; field names are a contract. */
public record EnrollResult(String deviceId, String name, String server, String overlayIpv4, String overlayIpv6, Instant certificateExpires,
        String stateDir) {

    public static EnrollResult of(DeviceCredentials c, String stateDir) {
        return new EnrollResult(c.deviceId(), c.name(), c.server().toString(), c.settings().overlayIpv4(), c.settings().overlayIpv6(),
                c.certificate().getNotAfter().toInstant(), stateDir);
    }
}

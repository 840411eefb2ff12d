package io.braid.server.headend;

import java.util.List;
import java.util.Optional;

/** What the headend needs to know about a device from the manager: whether it may connect, its groups and addresses. */
public interface DeviceDirectory {
    record Entry(String id, String status, List<String> groups, String overlayIpv4, String overlayIpv6) {
        public boolean enabled() {
            return "enabled".equals(status);
        }
    }

    Optional<Entry> find(String deviceId);
}

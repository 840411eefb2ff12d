package io.braid.server.devices;

import io.braid.core.manager.TunnelSettings;
import io.braid.server.config.ServerConfig;
import io.braid.server.store.Device;
import java.util.List;

/** The tunnel settings a device is given: where the headend is, its overlay addresses, pushed routes and DNS. */
public final class DeviceSettings {
    private final ServerConfig config;

    public DeviceSettings(ServerConfig config) {
        this.config = config;
    }

    public TunnelSettings of(Device device) {
        return new TunnelSettings(List.of(new TunnelSettings.Endpoint(config.primaryHost(), config.headendPort())),
                device.overlayIpv4(), device.overlayIpv6(), config.routes(), config.dns(), config.searchDomains(), config.tunnelMtu());
    }
}

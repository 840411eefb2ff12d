package io.braid.server.headend;

import io.braid.core.BraidException;
import io.braid.server.devices.DeviceService;
import io.braid.server.store.Device;
import java.util.Optional;

/** The device directory when manager and headend share a process: straight from the manager's store. */
public final class ManagerDeviceDirectory implements DeviceDirectory {
    private final DeviceService devices;

    public ManagerDeviceDirectory(DeviceService devices) {
        this.devices = devices;
    }

    @Override
    public Optional<Entry> find(String deviceId) {
        try {
            Device d = devices.show(deviceId).device();
            return Optional.of(new Entry(d.id(), d.status(), d.groups(), d.overlayIpv4(), d.overlayIpv6()));
        } catch (BraidException e) {
            return Optional.empty();
        }
    }
}

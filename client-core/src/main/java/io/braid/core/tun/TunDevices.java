package io.braid.core.tun;

import io.braid.core.os.OperatingSystem;
import io.braid.core.os.ShutdownCloser;
import io.braid.core.tun.linux.LinuxTun;
import io.braid.core.tun.macos.UtunDevice;
import io.braid.core.tun.windows.WintunDevice;
import java.io.IOException;

/** Opens the tunnel device of the operating system the JVM runs on. */
public final class TunDevices {
    private TunDevices() {}

    /**
     * Creates (or, on Windows, opens or creates) a tunnel interface and returns it ready for I/O.
     * The device is closed by a JVM shutdown hook if the caller has not closed it by then.
     *
     * @param name the interface name: Linux any name up to 15 characters (empty lets the kernel pick
     *     {@code tunN}); macOS {@code utunN} or empty for the next free one; Windows the adapter name
     * @param mtu the MTU to give the interface (on Windows the network configurator applies it)
     */
    public static TunDevice open(String name, int mtu) throws IOException {
        if (mtu < 576 || mtu > 65535) {
            throw new IllegalArgumentException("MTU " + mtu + " is outside 576..65535");
        }
        TunDevice device = switch (OperatingSystem.current()) {
            case LINUX -> LinuxTun.open(name, mtu);
            case MACOS -> UtunDevice.open(name, mtu);
            case WINDOWS -> WintunDevice.open(name, mtu);
        };
        ShutdownCloser.register(device);
        return device;
    }
}

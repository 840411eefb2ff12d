package io.braid.core.netcfg;

import io.braid.core.netcfg.linux.LinuxPinnedSockets;
import io.braid.core.netcfg.macos.MacPinnedSockets;
import io.braid.core.netcfg.windows.WindowsPinnedSockets;
import io.braid.core.os.OperatingSystem;
import java.io.IOException;
import java.nio.channels.DatagramChannel;

/**
 * Opens the UDP socket of one WAN path: bound to the WAN's address and tied to its interface, so
 * that several sockets reach the same headend address through different links. Tying uses
 * SO_BINDTODEVICE on Linux (on top of the source-address policy routing that
 * {@link NetworkConfigurator#pinWans} installs), IP_BOUND_IF on macOS and IP_UNICAST_IF on Windows.
 */
public interface PinnedSockets {

    /** A UDP channel bound to {@code wan}'s address and {@code localPort} (0: any) whose packets leave through {@code wan}. */
    DatagramChannel open(WanLink wan, int localPort) throws IOException;

    /**
     * What every OS does alike: open a channel of the WAN's IP version, bind it to the WAN's
     * address, let {@code pin} tie it to the interface, and close it again if anything fails.
     */
    static DatagramChannel bindAndPin(WanLink wan, int localPort, Pin pin) throws IOException {
        DatagramChannel channel = DatagramChannel.open(wan.isIpv6() ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
        try {
            channel.bind(new java.net.InetSocketAddress(wan.address(), localPort));
            pin.pin(channel);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The OS-specific part of pinning a bound channel. */
    @FunctionalInterface
    interface Pin {
        void pin(DatagramChannel channel) throws IOException;
    }

    /** The implementation for the OS the JVM runs on. */
    static PinnedSockets forCurrentOs() {
        return switch (OperatingSystem.current()) {
            case LINUX -> new LinuxPinnedSockets();
            case MACOS -> MacPinnedSockets.create();
            case WINDOWS -> WindowsPinnedSockets.create();
        };
    }
}

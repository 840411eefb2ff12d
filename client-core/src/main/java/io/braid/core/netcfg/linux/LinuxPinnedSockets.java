package io.braid.core.netcfg.linux;

import com.sun.jna.Memory;
import io.braid.core.netcfg.PinnedSockets;
import io.braid.core.netcfg.WanLink;
import io.braid.core.tun.linux.LinuxLibc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Linux: bind to the WAN's address, then SO_BINDTODEVICE on the channel's descriptor. Java does
 * not expose a channel's descriptor, so {@link SocketDescriptors} finds it without reflection, by
 * matching the channel's bound address against getsockname(2) of this process's sockets.
 */
public final class LinuxPinnedSockets implements PinnedSockets {

    @Override
    public DatagramChannel open(WanLink wan, int localPort) throws IOException {
        return PinnedSockets.bindAndPin(wan, localPort,
                channel -> bindToDevice(SocketDescriptors.find((InetSocketAddress) channel.getLocalAddress()), wan.interfaceName()));
    }

    static void bindToDevice(int fd, String interfaceName) throws IOException {
        byte[] name = interfaceName.getBytes(StandardCharsets.US_ASCII);
        try (Memory value = new Memory(name.length + 1)) {
            value.clear();
            value.write(0, name, 0, name.length);
            LinuxLibc.check("setsockopt(SO_BINDTODEVICE, " + interfaceName + ")",
                    LinuxLibc.setsockopt(fd, LinuxLibc.SOL_SOCKET, LinuxLibc.SO_BINDTODEVICE, value, name.length + 1));
        }
    }
}

package io.braid.core.netcfg.windows;

import com.sun.jna.Memory;
import io.braid.core.netcfg.PinnedSockets;
import io.braid.core.netcfg.WanLink;
import io.braid.core.os.NativeCallException;
import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.util.function.ToLongFunction;

/**
 * Windows: bind to the WAN's address and set IP_UNICAST_IF (IPV6_UNICAST_IF) to the WAN's
 * interface index, so Windows sends through that interface whatever the route metrics say.
 * IPv4 wants the index in network byte order, IPv6 in host order (as documented by Microsoft).
 */
public final class WindowsPinnedSockets implements PinnedSockets {
    private final WindowsSocketApi api;
    private final ToLongFunction<DatagramChannel> handles;

    public WindowsPinnedSockets(WindowsSocketApi api, ToLongFunction<DatagramChannel> handles) {
        this.api = api;
        this.handles = handles;
    }

    public static WindowsPinnedSockets create() {
        return new WindowsPinnedSockets(WindowsSocketApi.load(), SocketHandles::of);
    }

    @Override
    public DatagramChannel open(WanLink wan, int localPort) throws IOException {
        return PinnedSockets.bindAndPin(wan, localPort, channel -> pin(handles.applyAsLong(channel), wan.interfaceName(), wan.isIpv6()));
    }

    void pin(long socket, String interfaceName, boolean v6) throws NativeCallException {
        int index = api.interfaceIndex(interfaceName);
        try (Memory value = new Memory(4)) {
            value.setInt(0, v6 ? index : Integer.reverseBytes(index)); // x86/ARM Windows is little-endian
            int rc = v6 ? api.setsockopt(socket, WindowsSocketApi.IPPROTO_IPV6, WindowsSocketApi.IPV6_UNICAST_IF, value, 4)
                    : api.setsockopt(socket, WindowsSocketApi.IPPROTO_IP, WindowsSocketApi.IP_UNICAST_IF, value, 4);
            if (rc != 0) throw new NativeCallException("setsockopt(" + (v6 ? "IPV6_UNICAST_IF" : "IP_UNICAST_IF") + ", " + interfaceName + ")", api.lastSocketError());
        }
    }
}

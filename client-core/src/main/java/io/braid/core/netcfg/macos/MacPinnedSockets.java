package io.braid.core.netcfg.macos;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import io.braid.core.netcfg.PinnedSockets;
import io.braid.core.netcfg.WanLink;
import io.braid.core.os.NativeCallException;
import io.braid.core.tun.macos.DarwinLibc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * macOS: bind to the WAN's address and set IP_BOUND_IF (IPV6_BOUND_IF) to the WAN's interface
 * index, which makes the kernel use that interface's scoped routes. The channel's descriptor is
 * found without reflection: the one socket of this process whose getsockname(2) equals the
 * channel's bound address (macOS has no /proc, so descriptors are tried in order).
 */
public final class MacPinnedSockets implements PinnedSockets {
    private final DarwinLibc libc;
    private final IntSupplier errno;

    public MacPinnedSockets(DarwinLibc libc, IntSupplier errno) {
        this.libc = libc;
        this.errno = errno;
    }

    public static MacPinnedSockets create() {
        return new MacPinnedSockets(DarwinLibc.load(), Native::getLastError);
    }

    @Override
    public DatagramChannel open(WanLink wan, int localPort) throws IOException {
        return PinnedSockets.bindAndPin(wan, localPort,
                channel -> pin(descriptorOf((InetSocketAddress) channel.getLocalAddress()), wan.interfaceName(), wan.isIpv6()));
    }

    void pin(int fd, String interfaceName, boolean v6) throws NativeCallException {
        int index = libc.if_nametoindex(interfaceName);
        if (index == 0) throw new NativeCallException("if_nametoindex(" + interfaceName + ")", errno.getAsInt());
        try (Memory value = new Memory(4)) {
            value.setInt(0, index);
            int rc = v6 ? libc.setsockopt(fd, DarwinLibc.IPPROTO_IPV6, DarwinLibc.IPV6_BOUND_IF, value, 4)
                    : libc.setsockopt(fd, DarwinLibc.IPPROTO_IP, DarwinLibc.IP_BOUND_IF, value, 4);
            if (rc < 0) throw new NativeCallException("setsockopt(" + (v6 ? "IPV6_BOUND_IF" : "IP_BOUND_IF") + ", " + interfaceName + ")", errno.getAsInt());
        }
    }

    /** sockaddr on macOS: sa_len, sa_family, then port (network order) and the address at 4 (IPv4) or 8 (IPv6). */
    int descriptorOf(InetSocketAddress bound) throws IOException {
        byte[] wanted = bound.getAddress().getAddress();
        int family = wanted.length == 16 ? DarwinLibc.AF_INET6 : DarwinLibc.AF_INET;
        try (Memory addr = new Memory(128)) {
            IntByReference length = new IntByReference();
            for (int fd = 0; fd < libc.getdtablesize(); fd++) {
                length.setValue(128);
                if (libc.getsockname(fd, addr, length) != 0 || (addr.getByte(1) & 0xff) != family) continue;
                int port = ((addr.getByte(2) & 0xff) << 8) | (addr.getByte(3) & 0xff);
                if (port == bound.getPort() && Arrays.equals(addr.getByteArray(family == DarwinLibc.AF_INET ? 4 : 8, wanted.length), wanted)) return fd;
            }
        }
        throw new IOException("no socket of this process is bound to " + bound);
    }
}

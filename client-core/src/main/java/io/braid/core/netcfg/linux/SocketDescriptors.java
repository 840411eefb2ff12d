package io.braid.core.netcfg.linux;

import com.sun.jna.Memory;
import io.braid.core.tun.linux.LinuxLibc;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Finds the descriptor of a bound socket of this process: the one socket in /proc/self/fd whose
 * getsockname(2) equals the given address and port. A bound UDP address:port belongs to exactly
 * one socket (Braid never sets SO_REUSEPORT), so the match is unique.
 */
final class SocketDescriptors {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private SocketDescriptors() {}

    static int find(InetSocketAddress bound) throws IOException {
        byte[] wanted = bound.getAddress().getAddress();
        int family = bound.getAddress() instanceof Inet6Address ? AF_INET6 : AF_INET;
        try (Memory addr = new Memory(128); Memory len = new Memory(4);
                DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path entry : fds) {
                int fd;
                try {
                    if (!Files.readSymbolicLink(entry).toString().startsWith("socket:")) continue;
                    fd = Integer.parseInt(entry.getFileName().toString());
                } catch (IOException | NumberFormatException e) {
                    continue; // closed meanwhile, or the directory's own descriptor
                }
                len.setInt(0, 128);
                if (LinuxLibc.getsockname(fd, addr, len) != 0 || (addr.getShort(0) & 0xffff) != family) continue;
                int port = ((addr.getByte(2) & 0xff) << 8) | (addr.getByte(3) & 0xff);
                byte[] ip = addr.getByteArray(family == AF_INET ? 4 : 8, wanted.length);
                if (port == bound.getPort() && Arrays.equals(ip, wanted)) return fd;
            }
        }
        throw new IOException("no socket of this process is bound to " + bound);
    }
}

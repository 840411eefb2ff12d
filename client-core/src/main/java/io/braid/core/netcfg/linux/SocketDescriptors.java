package io.braid.core.netcfg.linux;

import com.sun.jna.Memory;
import io.braid.core.tun.linux.LinuxLibc;
import java.io.IOException;
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
        // A channel opened without a family is an IPv6 socket even when bound to an IPv4 address (::ffff:a.b.c.d).
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        if (wanted.length == 4) System.arraycopy(wanted, 0, mapped, 12, 4);
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
                if (LinuxLibc.getsockname(fd, addr, len) != 0) continue;
                int family = addr.getShort(0) & 0xffff;
                int port = ((addr.getByte(2) & 0xff) << 8) | (addr.getByte(3) & 0xff);
                if (port != bound.getPort()) continue;
                if (family == AF_INET && Arrays.equals(addr.getByteArray(4, 4), wanted)) return fd;
                if (family == AF_INET6 && (Arrays.equals(addr.getByteArray(8, 16), wanted) || Arrays.equals(addr.getByteArray(8, 16), mapped))) return fd;
            }
        }
        throw new IOException("no socket of this process is bound to " + bound);
    }
}

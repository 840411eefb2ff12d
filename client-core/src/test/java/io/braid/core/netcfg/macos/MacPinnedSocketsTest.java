package io.braid.core.netcfg.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.braid.core.os.NativeCallException;
import io.braid.core.tun.macos.DarwinLibc;
import io.braid.core.tun.macos.FakeDarwinLibc;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** IP_BOUND_IF and the reflection-free descriptor lookup, against a fake libc. */
class MacPinnedSocketsTest {
    final FakeDarwinLibc libc = new FakeDarwinLibc() {
        @Override
        public int getsockname(int fd, Pointer address, IntByReference length) {
            if (fd != 17) return fail(38);
            address.write(0, new byte[] {16, (byte) AF_INET, 0x1f, (byte) 0x90, (byte) 198, 51, 100, 10}, 0, 8);
            return 0;
        }
    };
    final MacPinnedSockets sockets = new MacPinnedSockets(libc, () -> libc.errno);

    @Test
    void findsTheSocketBoundToTheChannelsAddressAndPort() throws Exception {
        assertThat(sockets.descriptorOf(new InetSocketAddress(InetAddress.getByName("198.51.100.10"), 8080))).isEqualTo(17);
        assertThatThrownBy(() -> sockets.descriptorOf(new InetSocketAddress(InetAddress.getByName("198.51.100.10"), 8081)))
                .hasMessageContaining("no socket of this process is bound to");
    }

    @Test
    void pinsWithIpBoundIfToTheInterfaceIndex() throws Exception {
        sockets.pin(17, "en1", false);
        assertThat(libc.boundInterfaceOptions).containsExactly(DarwinLibc.IPPROTO_IP * 1000 + DarwinLibc.IP_BOUND_IF, 9);
        sockets.pin(17, "en1", true);
        assertThat(libc.boundInterfaceOptions).endsWith(DarwinLibc.IPPROTO_IPV6 * 1000 + DarwinLibc.IPV6_BOUND_IF, 9);
    }

    @Test
    void anUnknownInterfaceIsATypedError() {
        libc.errno = 6;
        assertThatThrownBy(() -> sockets.pin(17, "en9", false)).isInstanceOf(NativeCallException.class).hasMessageStartingWith("if_nametoindex(en9) failed: error 6");
    }
}

package io.braid.core.netcfg.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.WanLink;
import io.braid.core.os.NativeCallException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IP_UNICAST_IF with the byte orders Windows wants, against a fake Winsock. */
class WindowsPinnedSocketsTest {
    final List<String> calls = new ArrayList<>();
    int failWith;

    final WindowsSocketApi api = new WindowsSocketApi() {
        @Override
        public int setsockopt(long socket, int level, int option, Pointer value, int length) {
            calls.add(socket + " " + level + " " + option + " 0x" + Integer.toHexString(value.getInt(0)));
            return failWith == 0 ? 0 : -1;
        }

        @Override
        public int lastSocketError() {
            return failWith;
        }

        @Override
        public int interfaceIndex(String alias) throws NativeCallException {
            if (!alias.equals("Wi-Fi")) throw new NativeCallException("ConvertInterfaceAliasToLuid(" + alias + ")", 1168);
            return 7;
        }
    };

    @Test
    void aChannelIsBoundToTheWanAddressAndPinnedByIndexInNetworkOrderForIpv4() throws Exception {
        WindowsPinnedSockets sockets = new WindowsPinnedSockets(api, channel -> 4242);
        WanLink loopbackWan = new WanLink("Wi-Fi", IpPrefix.literal("127.0.0.1"), IpPrefix.literal("127.0.0.1"));
        try (DatagramChannel channel = sockets.open(loopbackWan, 0)) {
            assertThat(channel.getLocalAddress().toString()).startsWith("/127.0.0.1:");
        }
        assertThat(calls).containsExactly("4242 0 31 0x7000000");
    }

    @Test
    void ipv6UsesHostOrder() throws Exception {
        new WindowsPinnedSockets(api, channel -> 1).pin(99, "Wi-Fi", true);
        assertThat(calls).containsExactly("99 41 31 0x7");
    }

    @Test
    void failuresNameTheOptionAndTheWinsockError() {
        failWith = 10022;
        WindowsPinnedSockets sockets = new WindowsPinnedSockets(api, channel -> 1);
        assertThatThrownBy(() -> sockets.pin(5, "Wi-Fi", false)).hasMessageStartingWith("setsockopt(IP_UNICAST_IF, Wi-Fi) failed: error 10022");
        assertThatThrownBy(() -> sockets.pin(5, "Ethernet 9", false)).hasMessageStartingWith("ConvertInterfaceAliasToLuid(Ethernet 9) failed: error 1168");
    }
}

package io.braid.core.netcfg.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.braid.core.netcfg.windows.SocketHandles;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.Test;

/**
 * The two ways Braid finds a channel's native socket agree: the JDK's own handle (used on
 * Windows) and the reflection-free getsockname scan (used on Linux). Runs wherever /proc exists.
 */
class SocketHandlesCrossCheckTest {
    @Test
    void theJdksHandleIsTheDescriptorTheGetsocknameScanFinds() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the scan reads /proc/self/fd");
        try (DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            long handle = SocketHandles.of(channel);
            assertThat(handle).isPositive();
            assertThat(SocketDescriptors.find((InetSocketAddress) channel.getLocalAddress())).isEqualTo((int) handle);
        }
    }
}

package io.braid.core.netcfg.linux;

import static io.braid.core.testing.TwoWanTestbed.HEADEND;
import static io.braid.core.testing.TwoWanTestbed.WAN1;
import static io.braid.core.testing.TwoWanTestbed.WAN2;
import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.NetworkConfigurators;
import io.braid.core.netcfg.WanLink;
import io.braid.core.testing.RootOnly;
import io.braid.core.testing.TwoWanTestbed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sockets, two WANs, one headend address: each socket's packets leave through its own WAN. */
class WanPinningTest {
    static final int PACKETS = 40;
    static final InetSocketAddress HEADEND_PORT = new InetSocketAddress(HEADEND, 4000);

    @TempDir Path stateDir;
    TwoWanTestbed bed;
    DatagramChannel headendSocket;

    @BeforeEach
    void build() throws IOException {
        RootOnly.assumeLinuxRoot();
        bed = TwoWanTestbed.create();
        headendSocket = bed.headend.call(() -> DatagramChannel.open().bind(HEADEND_PORT));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (headendSocket != null) headendSocket.close();
        if (bed != null) bed.close();
    }

    @Test
    void withoutPinningASocketBoundToWan2sAddressLeavesThroughWan1ButPolicyRoutingPinsIt() throws Exception {
        assertThat(wanUsedBy(plainSocketBoundTo(WAN2))).as("before pinning: the main table's preferred default").isEqualTo("wan1");

        try (NetworkConfigurator config = configurator()) {
            config.pinWans(bed.wans());
            assertThat(wanUsedBy(plainSocketBoundTo(WAN2))).as("with ip rule from 198.18.2.2").isEqualTo("wan2");
            assertThat(wanUsedBy(plainSocketBoundTo(WAN1))).isEqualTo("wan1");
        }

        assertThat(bed.client.exec("ip", "rule", "show")).doesNotContain("198.18.2.2");
        assertThat(wanUsedBy(plainSocketBoundTo(WAN2))).as("after the configurator closed").isEqualTo("wan1");
    }

    @Test
    void twoPinnedSocketsReachTheSameHeadendAddressThroughTheirOwnWansAndGetAnswers() throws Exception {
        try (NetworkConfigurator config = configurator()) {
            config.pinWans(bed.wans());
            PinnedSocketsCheck wan1 = pinned(WAN1);
            PinnedSocketsCheck wan2 = pinned(WAN2);
            try (DatagramChannel s1 = wan1.channel; DatagramChannel s2 = wan2.channel) {
                s1.send(text("via wan1"), HEADEND_PORT);
                s2.send(text("via wan2"), HEADEND_PORT);

                Map<String, String> bySource = new HashMap<>();
                for (int i = 0; i < 2; i++) {
                    ByteBuffer in = ByteBuffer.allocate(64);
                    SocketAddress from = headendSocket.receive(in);
                    bySource.put(((InetSocketAddress) from).getAddress().getHostAddress(), new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII));
                    headendSocket.send(text("answer"), from);
                }
                assertThat(bySource).containsEntry("198.18.1.2", "via wan1").containsEntry("198.18.2.2", "via wan2");
                assertThat(receive(s1)).isEqualTo("answer");
                assertThat(receive(s2)).isEqualTo("answer");
            }
        }
    }

    @Test
    void aPinnedSocketIsBoundToItsDeviceEvenWithoutPolicyRules() throws Exception {
        PinnedSocketsCheck check = pinned(WAN2);
        try (DatagramChannel channel = check.channel) {
            assertThat(wanUsedBy(channel)).as("SO_BINDTODEVICE wan2 beats the main table's wan1 default").isEqualTo("wan2");
        }
    }

    /** Sends a burst and reports which WAN's transmit counter grew by it (the other only sees ARP, if anything). */
    private String wanUsedBy(DatagramChannel channel) throws IOException {
        try (channel) {
            long wan1Before = bed.client.counter("wan1", "tx_packets");
            long wan2Before = bed.client.counter("wan2", "tx_packets");
            for (int i = 0; i < PACKETS; i++) channel.send(text("probe"), HEADEND_PORT);
            long wan1 = bed.client.counter("wan1", "tx_packets") - wan1Before;
            long wan2 = bed.client.counter("wan2", "tx_packets") - wan2Before;
            if (wan1 >= PACKETS && wan2 < PACKETS) return "wan1";
            if (wan2 >= PACKETS && wan1 < PACKETS) return "wan2";
            return "unclear: wan1 +" + wan1 + ", wan2 +" + wan2;
        }
    }

    private DatagramChannel plainSocketBoundTo(WanLink wan) throws IOException {
        return bed.client.call(() -> DatagramChannel.open().bind(new InetSocketAddress(wan.address(), 0)));
    }

    private PinnedSocketsCheck pinned(WanLink wan) throws IOException {
        return new PinnedSocketsCheck(bed.client.call(() -> new LinuxPinnedSockets().open(wan, 0)));
    }

    private NetworkConfigurator configurator() throws IOException {
        LinuxPlanner planner = new LinuxPlanner(bed.client.runner(), LinuxOptions.defaults(stateDir));
        return NetworkConfigurators.open(stateDir, planner, bed.client.runner());
    }

    private static String receive(DatagramChannel channel) throws IOException {
        channel.socket().setSoTimeout(3000);
        java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[64], 64);
        channel.socket().receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private record PinnedSocketsCheck(DatagramChannel channel) {}
}

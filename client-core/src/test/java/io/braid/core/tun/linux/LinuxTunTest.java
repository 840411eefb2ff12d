package io.braid.core.tun.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.netcfg.IpPrefix;
import io.braid.core.testing.Ipv4Packets;
import io.braid.core.testing.Netns;
import io.braid.core.testing.RootOnly;
import io.braid.core.tun.TunDevice;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.braid.core.testing.BlockedReader;
import org.junit.jupiter.api.Test;

/**
 * The Linux TUN for real: created on a thread inside a fresh namespace (so the test never touches
 * the host's interfaces), given 100.96.0.1/30, and checked against the kernel in both directions.
 */
class LinuxTunTest {
    static final InetAddress LOCAL = IpPrefix.literal("100.96.0.1");
    static final InetAddress PEER = IpPrefix.literal("100.96.0.2");

    Netns ns;
    TunDevice tun;
    final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);

    @BeforeEach
    void openTunInNamespace() throws Exception {
        RootOnly.assumeLinuxRoot();
        ns = Netns.create("bt");
        tun = ns.call(() -> LinuxTun.open("braid0", 1420));
        bringUp("braid0", "100.96.0.1/30");
    }

    /** Without IPv6 the kernel sends nothing of its own (router solicitations, MLD) to read around. */
    void bringUp(String device, String cidr) throws Exception {
        ns.exec("sysctl", "-q", "-w", "net.ipv6.conf." + device + ".disable_ipv6=1");
        ns.exec("ip", "address", "add", cidr, "dev", device);
        ns.exec("ip", "link", "set", device, "up");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (tun != null) tun.close();
        if (ns != null) ns.close();
    }

    @Test
    void anEchoRequestWrittenInIsAnsweredByTheKernelAndTheReplyIsReadOut() throws Exception {
        Ipv4Packets.icmpEcho(buffer.clear(), 8, PEER, LOCAL, 0x4242, 7, 56);
        int written = tun.write(buffer);

        int length = tun.read(buffer.clear());

        buffer.flip();
        Ipv4Packets.View reply = Ipv4Packets.View.of(buffer);
        assertThat(written).isEqualTo(20 + 8 + 56);
        assertThat(length).isEqualTo(written);
        assertThat(reply.protocol()).isEqualTo(Ipv4Packets.PROTO_ICMP);
        assertThat(reply.payloadByte(0)).as("ICMP type echo reply").isZero();
        assertThat(reply.source()).isEqualTo(LOCAL);
        assertThat(reply.destination()).isEqualTo(PEER);
        assertThat(reply.payloadShort(4)).as("identifier").isEqualTo(0x4242);
        assertThat(reply.payloadShort(6)).as("sequence").isEqualTo(7);
    }

    @Test
    void aDatagramTheKernelRoutesToThePeerIsReadOutAndTheAnswerWrittenInReachesTheSocket() throws Exception {
        try (DatagramChannel socket = ns.call(() -> DatagramChannel.open().bind(new InetSocketAddress(LOCAL, 0)))) {
            int localPort = ((InetSocketAddress) socket.getLocalAddress()).getPort();
            socket.send(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress(PEER, 7000));

            tun.read(buffer.clear());
            buffer.flip();
            Ipv4Packets.View out = Ipv4Packets.View.of(buffer);
            assertThat(out.protocol()).isEqualTo(Ipv4Packets.PROTO_UDP);
            assertThat(out.destination()).isEqualTo(PEER);
            assertThat(out.payloadShort(2)).as("destination port").isEqualTo(7000);
            assertThat(new String(out.udpData(), StandardCharsets.US_ASCII)).isEqualTo("hello");

            Ipv4Packets.udp(buffer.clear(), PEER, 7000, LOCAL, localPort, "world".getBytes(StandardCharsets.US_ASCII));
            tun.write(buffer);
            socket.socket().setSoTimeout(3000);
            DatagramPacket answer = new DatagramPacket(new byte[64], 64);
            socket.socket().receive(answer);
            assertThat(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII)).isEqualTo("world");
            assertThat(answer.getSocketAddress()).isEqualTo(new InetSocketAddress(PEER, 7000));
        }
    }

    @Test
    void closeWakesABlockedReaderAndRemovesTheInterface() throws Exception {
        BlockedReader reader = BlockedReader.start(tun);

        tun.close();

        assertThat(reader.outcome()).isInstanceOf(AsynchronousCloseException.class);
        assertThat(tun.isOpen()).isFalse();
        assertThat(ns.tryExec("ip", "link", "show", "braid0").exitCode()).as("interface gone").isNotZero();
        assertThatThrownBy(() -> tun.write(buffer.clear())).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void theMtuGivenAtOpenIsTheInterfaceMtu() throws Exception {
        assertThat(ns.exec("cat", "/sys/class/net/braid0/mtu").strip()).isEqualTo("1420");
        assertThat(tun.name()).isEqualTo("braid0");
        assertThat(tun.mtu()).isEqualTo(1420);
    }

    @Test
    void buffersMustBeDirectAndHoldAnMtu() {
        assertThatThrownBy(() -> tun.read(ByteBuffer.allocate(2048))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("direct");
        assertThatThrownBy(() -> tun.read(ByteBuffer.allocateDirect(100))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MTU");
    }

    @Test
    void aSecondQueueOfAMultiQueueDeviceCarriesPacketsAfterTheFirstIsClosed() throws Exception {
        LinuxTun multi = ns.call(() -> LinuxTun.openMultiQueue("braidmq", 1400));
        TunDevice second = ns.call(multi::openQueue);
        try {
            bringUp("braidmq", "100.96.1.1/30");
            multi.close();
            Ipv4Packets.icmpEcho(buffer.clear(), 8, IpPrefix.literal("100.96.1.2"), IpPrefix.literal("100.96.1.1"), 1, 1, 8);
            second.write(buffer);
            second.read(buffer.clear());
            assertThat(Ipv4Packets.View.of(buffer.flip()).payloadByte(0)).as("echo reply on the remaining queue").isZero();
            assertThatThrownBy(() -> ((LinuxTun) tun).openQueue()).isInstanceOf(UnsupportedOperationException.class);
        } finally {
            multi.close();
            second.close();
        }
    }
}

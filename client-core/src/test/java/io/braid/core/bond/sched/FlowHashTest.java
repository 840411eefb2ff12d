package io.braid.core.bond.sched;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.testing.Ipv4Packets;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Same flow, same hash; another port or address, another hash; fragments stay together; junk is 0. */
class FlowHashTest {
    private static final int TCP = 6;
    private static final int UDP = 17;

    @Test
    void ipv4UdpHashesByItsFiveTuple() throws Exception {
        int a = FlowHash.of(udp4("100.96.0.2", 40000, "198.18.7.1", 53));
        assertThat(FlowHash.of(udp4("100.96.0.2", 40000, "198.18.7.1", 53))).isEqualTo(a);
        assertThat(FlowHash.of(udp4("100.96.0.2", 40001, "198.18.7.1", 53))).isNotEqualTo(a);
        assertThat(FlowHash.of(udp4("100.96.0.3", 40000, "198.18.7.1", 53))).isNotEqualTo(a);
        assertThat(FlowHash.of(udp4("100.96.0.2", 40000, "198.18.7.1", 54))).isNotEqualTo(a);
    }

    @Test
    void ipv4TcpUsesPortsAndTheProtocolCounts() {
        ByteBuffer tcp = ipv4(TCP, 0, 1234, 80);
        ByteBuffer udp = ipv4(UDP, 0, 1234, 80);
        assertThat(FlowHash.of(tcp)).isNotEqualTo(FlowHash.of(udp)).isEqualTo(FlowHash.of(ipv4(TCP, 0, 1234, 80)));
        assertThat(FlowHash.of(ipv4(TCP, 0, 1235, 80))).isNotEqualTo(FlowHash.of(tcp));
    }

    @Test
    void allFragmentsOfADatagramHashAlikeThoughOnlyTheFirstCarriesPorts() {
        int first = FlowHash.of(ipv4(UDP, 0x2000, 1234, 80)); // more fragments, offset 0
        int later = FlowHash.of(ipv4(UDP, 0x00B9, 0, 0));     // offset 185 x 8, no ports in it
        assertThat(first).isEqualTo(later);
    }

    @Test
    void icmpEchoesHashByTheirIdentifier() throws Exception {
        InetAddress src = InetAddress.getByName("100.96.0.2");
        InetAddress dst = InetAddress.getByName("198.18.7.1");
        ByteBuffer one = ByteBuffer.allocate(64);
        ByteBuffer same = ByteBuffer.allocate(64);
        ByteBuffer other = ByteBuffer.allocate(64);
        Ipv4Packets.icmpEcho(one, 8, src, dst, 7, 1, 8);
        Ipv4Packets.icmpEcho(same, 8, src, dst, 7, 2, 8);
        Ipv4Packets.icmpEcho(other, 8, src, dst, 8, 1, 8);
        assertThat(FlowHash.of(one)).isEqualTo(FlowHash.of(same)).isNotEqualTo(FlowHash.of(other));
    }

    @Test
    void ipv6SkipsExtensionHeadersToReachThePorts() {
        int plain = FlowHash.of(ipv6(UDP, false, 1234, 53));
        assertThat(FlowHash.of(ipv6(UDP, true, 1234, 53))).as("behind a hop-by-hop header").isEqualTo(plain);
        assertThat(FlowHash.of(ipv6(UDP, true, 1235, 53))).isNotEqualTo(plain);
        assertThat(FlowHash.of(ipv6(TCP, false, 1234, 53))).isNotEqualTo(plain);
    }

    @Test
    void junkHashesToZeroAndTheBufferIsNotMoved() {
        assertThat(FlowHash.of(ByteBuffer.allocate(0))).isZero();
        assertThat(FlowHash.of(ByteBuffer.wrap(new byte[] {0x45, 0, 0}))).isZero();
        assertThat(FlowHash.of(ByteBuffer.wrap(new byte[40]))).as("version 0").isZero();
        ByteBuffer badHeaderLength = ipv4(UDP, 0, 1, 2);
        badHeaderLength.put(0, (byte) 0x4F); // 60-byte header in a 28-byte packet
        assertThat(FlowHash.of(badHeaderLength)).isZero();
        ByteBuffer atOffset = ByteBuffer.allocate(100);
        atOffset.position(10);
        atOffset.put(ipv4(UDP, 0, 1234, 80)).flip().position(10);
        assertThat(FlowHash.of(atOffset)).isEqualTo(FlowHash.of(ipv4(UDP, 0, 1234, 80)));
        assertThat(atOffset.position()).isEqualTo(10);
    }

    private static ByteBuffer udp4(String src, int srcPort, String dst, int dstPort) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64);
        Ipv4Packets.udp(b, InetAddress.getByName(src), srcPort, InetAddress.getByName(dst), dstPort, new byte[4]);
        return b;
    }

    /** A 20-byte IPv4 header (100.96.0.2 to 198.18.7.1) and 8 bytes of transport header. */
    private static ByteBuffer ipv4(int protocol, int flagsAndOffset, int srcPort, int dstPort) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 28).putShort((short) 1).putShort((short) flagsAndOffset)
                .put((byte) 64).put((byte) protocol).putShort((short) 0)
                .put(new byte[] {100, 96, 0, 2}).put(new byte[] {(byte) 198, 18, 7, 1})
                .putShort((short) srcPort).putShort((short) dstPort).putInt(0);
        return b.flip();
    }

    /** An IPv6 header (fd00::2 to fd00::1), optionally an 8-byte hop-by-hop header, then 8 bytes of transport header. */
    private static ByteBuffer ipv6(int protocol, boolean hopByHop, int srcPort, int dstPort) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(0x6000_0000).putShort((short) (hopByHop ? 16 : 8)).put((byte) (hopByHop ? 0 : protocol)).put((byte) 64);
        b.putLong(0xfd00_0000_0000_0000L).putLong(2).putLong(0xfd00_0000_0000_0000L).putLong(1);
        if (hopByHop) b.put((byte) protocol).put((byte) 0).putShort((short) 0).putInt(0);
        b.putShort((short) srcPort).putShort((short) dstPort).putInt(0);
        return b.flip();
    }
}

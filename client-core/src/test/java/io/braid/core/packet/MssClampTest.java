package io.braid.core.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MssClampTest {
    /** An IPv4 TCP SYN with options MSS, NOP, window scale, with a correct TCP checksum. */
    static ByteBuffer syn(int mss, boolean synFlag) {
        ByteBuffer p = ByteBuffer.allocate(20 + 28);
        p.put((byte) 0x45).put((byte) 0).putShort((short) 48).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(new byte[] {100, 96, 0, 2}).put(new byte[] {(byte) 198, 18, 10, 5});
        p.putShort((short) 40000).putShort((short) 443).putInt(12345).putInt(0)
                .put((byte) 0x70).put((byte) (synFlag ? 0x02 : 0x10)).putShort((short) 64240).putShort((short) 0).putShort((short) 0);
        p.put((byte) 2).put((byte) 4).putShort((short) mss).put((byte) 1).put((byte) 3).put((byte) 3).put((byte) 7);
        p.flip();
        p.putShort(20 + 16, (short) tcpChecksum(p));
        return p;
    }

    /** The TCP checksum computed from scratch over the pseudo-header and segment. */
    static int tcpChecksum(ByteBuffer p) {
        long sum = 0;
        for (int i = 12; i < 20; i += 2) sum += p.getShort(i) & 0xFFFF;
        sum += 6 + (p.limit() - 20);
        for (int i = 20; i < p.limit(); i += 2) {
            if (i == 20 + 16) continue;
            sum += p.getShort(i) & 0xFFFF;
        }
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (int) (~sum & 0xFFFF);
    }

    @Test
    void lowersABigMssAndKeepsTheChecksumRight() {
        ByteBuffer p = syn(1460, true);
        IpHeader h = new IpHeader();
        assertThat(h.parse(p)).isTrue();
        assertThat(MssClamp.clamp(p, h, 1380)).isTrue();
        assertThat(p.getShort(20 + 22) & 0xFFFF).isEqualTo(1340);
        assertThat(p.getShort(20 + 16) & 0xFFFF).isEqualTo(tcpChecksum(p));
    }

    @Test
    void leavesSmallMssesAndNonSynPacketsAlone() {
        IpHeader h = new IpHeader();
        ByteBuffer small = syn(1200, true);
        h.parse(small);
        assertThat(MssClamp.clamp(small, h, 1380)).isFalse();
        ByteBuffer ack = syn(1460, false);
        h.parse(ack);
        assertThat(MssClamp.clamp(ack, h, 1380)).isFalse();
        assertThat(ack.getShort(20 + 22) & 0xFFFF).isEqualTo(1460);
    }

    @Test
    void survivesTruncatedAndGarbagePackets() {
        IpHeader h = new IpHeader();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(80)];
            r.nextBytes(b);
            if (b.length > 0) b[0] = (byte) (r.nextBoolean() ? 0x45 : 0x60);
            ByteBuffer p = ByteBuffer.wrap(b);
            if (h.parse(p)) {
                MssClamp.clamp(p, h, 1380);
            }
        }
    }

    @Test
    void parsesAddressesPortsAndFlags() {
        IpHeader h = new IpHeader();
        assertThat(h.parse(syn(1460, true))).isTrue();
        assertThat(h.version()).isEqualTo(4);
        assertThat(h.protocol()).isEqualTo(IpHeader.TCP);
        assertThat(h.srcLo()).isEqualTo(0x64600002L);
        assertThat(h.dstLo()).isEqualTo(0xC6120A05L);
        assertThat(h.srcPort()).isEqualTo(40000);
        assertThat(h.dstPort()).isEqualTo(443);
        assertThat(h.isTcpSyn()).isTrue();
        assertThat(h.parse(ByteBuffer.wrap(new byte[] {0x45, 0}))).isFalse();
    }
}

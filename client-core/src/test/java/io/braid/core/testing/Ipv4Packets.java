package io.braid.core.testing;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Builds and reads the IPv4 packets tests and the TUN benchmark write into a TUN: ICMP echo and
 * UDP, with correct checksums, so the kernel accepts and answers them.
 */
public final class Ipv4Packets {
    public static final int PROTO_ICMP = 1;
    public static final int PROTO_UDP = 17;
    private static final int HEADER = 20;

    private Ipv4Packets() {}

    /** An ICMP echo request (type 8) or reply (type 0) with {@code payload} bytes of pattern. */
    public static void icmpEcho(ByteBuffer out, int type, InetAddress src, InetAddress dst, int id, int seq, int payload) {
        int start = out.position();
        header(out, PROTO_ICMP, 8 + payload, src, dst);
        int icmp = out.position();
        out.put((byte) type).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) seq);
        for (int i = 0; i < payload; i++) out.put((byte) i);
        out.putShort(icmp + 2, (short) checksum(out, icmp, out.position() - icmp));
        out.limit(out.position()).position(start);
    }

    /** A UDP datagram (checksum 0: optional in IPv4) carrying {@code data}. */
    public static void udp(ByteBuffer out, InetAddress src, int srcPort, InetAddress dst, int dstPort, byte[] data) {
        int start = out.position();
        header(out, PROTO_UDP, 8 + data.length, src, dst);
        out.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + data.length)).putShort((short) 0).put(data);
        out.limit(out.position()).position(start);
    }

    private static void header(ByteBuffer out, int protocol, int payloadLength, InetAddress src, InetAddress dst) {
        if (!(src instanceof Inet4Address) || !(dst instanceof Inet4Address)) throw new IllegalArgumentException("IPv4 only");
        int start = out.position();
        out.put((byte) 0x45).put((byte) 0).putShort((short) (HEADER + payloadLength)).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) protocol).putShort((short) 0).put(src.getAddress()).put(dst.getAddress());
        out.putShort(start + 10, (short) checksum(out, start, HEADER));
    }

    /** The Internet checksum (RFC 1071) of {@code length} bytes from {@code offset}. */
    public static int checksum(ByteBuffer b, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) sum += b.getShort(offset + i) & 0xffff;
        if ((length & 1) != 0) sum += (b.get(offset + length - 1) & 0xff) << 8;
        while ((sum >> 16) != 0) sum = (sum & 0xffff) + (sum >> 16);
        return (int) (~sum & 0xffff);
    }

    /** A view of one IPv4 packet at a buffer's position, for assertions. */
    public record View(ByteBuffer packet, int start) {
        public static View of(ByteBuffer packet) {
            return new View(packet, packet.position());
        }

        public int version() {
            return (packet.get(start) & 0xff) >> 4;
        }

        public int protocol() {
            return packet.get(start + 9) & 0xff;
        }

        public InetAddress source() {
            return address(start + 12);
        }

        public InetAddress destination() {
            return address(start + 16);
        }

        /** Byte {@code i} of the IP payload (ICMP type at 0, UDP ports at 0 and 2...). */
        public int payloadByte(int i) {
            return packet.get(start + HEADER + i) & 0xff;
        }

        public int payloadShort(int i) {
            return packet.getShort(start + HEADER + i) & 0xffff;
        }

        public byte[] udpData() {
            byte[] data = new byte[payloadShort(4) - 8];
            packet.get(start + HEADER + 8, data);
            return data;
        }

        private InetAddress address(int at) {
            byte[] a = new byte[4];
            packet.get(at, a);
            try {
                return InetAddress.getByAddress(a);
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
    }
}

package io.braid.core.packet;

import java.nio.ByteBuffer;

/**
 * Lowers the MSS option of TCP SYN packets so segments fit the tunnel without fragmentation, the
 * way routers clamp MSS on PPPoE and VPN links. The TCP checksum is updated incrementally
 * (RFC 1624), so nothing else in the packet is read or rewritten. IPv4 and IPv6; in place.
 */
public final class MssClamp {
    private MssClamp() {}

    /** The MSS that fits an MTU: minus the IP and TCP headers (20 + 20 for IPv4, 40 + 20 for IPv6). */
    public static int mssFor(int mtu, int ipVersion) {
        return mtu - (ipVersion == 6 ? 60 : 40);
    }

    /**
     * Clamps the packet (position to limit) if it is a TCP SYN whose MSS option exceeds what
     * {@code mtu} allows. {@code header} must have parsed this packet.
     *
     * @return true when the packet was changed
     */
    public static boolean clamp(ByteBuffer p, IpHeader header, int mtu) {
        if (!header.valid() || !header.isTcpSyn()) {
            return false;
        }
        int start = p.position();
        int tcp = start + header.headerLength();
        int end = p.limit();
        if (end - tcp < 20) {
            return false;
        }
        int dataOffset = ((p.get(tcp + 12) & 0xF0) >>> 4) * 4;
        if (dataOffset < 20 || tcp + dataOffset > end) {
            return false;
        }
        int limit = mssFor(mtu, header.version());
        int o = tcp + 20;
        int optionsEnd = tcp + dataOffset;
        while (o < optionsEnd) {
            int kind = p.get(o) & 0xFF;
            if (kind == 0) {
                return false;
            }
            if (kind == 1) {
                o++;
                continue;
            }
            if (o + 1 >= optionsEnd) {
                return false;
            }
            int len = p.get(o + 1) & 0xFF;
            if (len < 2 || o + len > optionsEnd) {
                return false;
            }
            if (kind == 2 && len == 4) {
                int mss = p.getShort(o + 2) & 0xFFFF;
                if (mss <= limit) {
                    return false;
                }
                p.putShort(o + 2, (short) limit);
                int checksum = p.getShort(tcp + 16) & 0xFFFF;
                p.putShort(tcp + 16, (short) adjust(checksum, mss, limit));
                return true;
            }
            o += len;
        }
        return false;
    }

    /** RFC 1624 eq. 3: HC' = ~(~HC + ~m + m'). */
    static int adjust(int checksum, int oldWord, int newWord) {
        int sum = (~checksum & 0xFFFF) + (~oldWord & 0xFFFF) + (newWord & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return ~sum & 0xFFFF;
    }
}

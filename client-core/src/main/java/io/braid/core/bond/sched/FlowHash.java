package io.braid.core.bond.sched;

import java.nio.ByteBuffer;

/**
 * A 32-bit hash of an IP packet's flow: addresses, transport protocol and ports (TCP, UDP,
 * UDP-Lite, SCTP, DCCP), or the identifier of an ICMP/ICMPv6 echo. IPv6 extension headers are
 * skipped. Fragments hash by addresses and protocol only, so every fragment of a datagram (only the
 * first carries ports) takes the same path. Reads the packet from position to limit with absolute
 * gets: the buffer is not moved and nothing is allocated. Anything unparseable hashes to 0.
 */
public final class FlowHash {
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int DCCP = 33;
    private static final int SCTP = 132;
    private static final int UDP_LITE = 136;
    private static final int ICMP = 1;
    private static final int ICMPV6 = 58;
    private static final int MAX_EXTENSION_HEADERS = 8;

    private FlowHash() {}

    public static int of(ByteBuffer packet) {
        int start = packet.position();
        int end = packet.limit();
        if (end - start < 1) return 0;
        return switch ((packet.get(start) & 0xFF) >>> 4) {
            case 4 -> ipv4(packet, start, end);
            case 6 -> ipv6(packet, start, end);
            default -> 0;
        };
    }

    private static int ipv4(ByteBuffer b, int start, int end) {
        if (end - start < 20) return 0;
        int headerBytes = (b.get(start) & 0x0F) * 4;
        if (headerBytes < 20 || start + headerBytes > end) return 0;
        int protocol = b.get(start + 9) & 0xFF;
        int h = mix(mix(mix(4, b.getInt(start + 12)), b.getInt(start + 16)), protocol);
        boolean fragment = (b.getShort(start + 6) & 0x3FFF) != 0; // more-fragments flag or an offset
        if (!fragment) h = transport(b, start + headerBytes, end, protocol, h, ICMP, 8, 0);
        return finish(h);
    }

    private static int ipv6(ByteBuffer b, int start, int end) {
        if (end - start < 40) return 0;
        int h = 6;
        for (int i = 8; i < 40; i += 4) h = mix(h, b.getInt(start + i));
        int next = b.get(start + 6) & 0xFF;
        int at = start + 40;
        boolean fragment = false;
        for (int n = 0; n < MAX_EXTENSION_HEADERS && !fragment; n++) {
            if (next == 0 || next == 43 || next == 60) { // hop-by-hop, routing, destination options
                if (at + 2 > end) return finish(mix(h, next));
                int following = b.get(at) & 0xFF;
                at += ((b.get(at + 1) & 0xFF) + 1) * 8;
                next = following;
            } else if (next == 44) { // fragment
                if (at + 8 > end) return finish(mix(h, next));
                fragment = (b.getShort(at + 2) & 0xFFF9) != 0; // offset or more-fragments
                next = b.get(at) & 0xFF;
                at += 8;
            } else if (next == 51) { // authentication header
                if (at + 2 > end) return finish(mix(h, next));
                int following = b.get(at) & 0xFF;
                at += ((b.get(at + 1) & 0xFF) + 2) * 4;
                next = following;
            } else {
                break;
            }
        }
        h = mix(h, next);
        if (!fragment) h = transport(b, at, end, next, h, ICMPV6, 128, 129);
        return finish(h);
    }

    /** Mixes in the ports, or an echo's identifier. */
    private static int transport(ByteBuffer b, int at, int end, int protocol, int h, int icmp, int echoRequest, int echoReply) {
        if (protocol == TCP || protocol == UDP || protocol == SCTP || protocol == DCCP || protocol == UDP_LITE) {
            return at + 4 <= end ? mix(h, b.getInt(at)) : h;
        }
        if (protocol == icmp && at + 6 <= end) {
            int type = b.get(at) & 0xFF;
            if (type == echoRequest || type == echoReply) return mix(h, b.getShort(at + 4) & 0xFFFF);
        }
        return h;
    }

    /** One MurmurHash3 round. */
    private static int mix(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    /** MurmurHash3's finaliser, so nearby inputs land far apart. */
    private static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}

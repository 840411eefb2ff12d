package io.braid.core.packet;

import java.nio.ByteBuffer;

/**
 * Reads the fields policy and flow tracking need from a bare IPv4 or IPv6 packet (as a TUN delivers
 * it), without allocating: a reusable view filled by {@link #parse}. Addresses are kept as two longs
 * (IPv4 in the low 32 bits of {@code lo}), ports are -1 for protocols without them. Hostile or
 * truncated packets parse as invalid; nothing throws.
 */
public final class IpHeader {
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP = 1;
    public static final int ICMPV6 = 58;

    private int version;
    private int protocol;
    private int headerLength;
    private long srcHi;
    private long srcLo;
    private long dstHi;
    private long dstLo;
    private int srcPort;
    private int dstPort;
    private int tcpFlags;
    private boolean valid;

    /** Parses the packet from its position to its limit (not moved); false when it is not a whole IP packet. */
    public boolean parse(ByteBuffer p) {
        valid = false;
        int start = p.position();
        int length = p.remaining();
        if (length < 1) {
            return false;
        }
        version = (p.get(start) & 0xF0) >>> 4;
        if (version == 4) {
            if (length < 20) {
                return false;
            }
            headerLength = (p.get(start) & 0x0F) * 4;
            if (headerLength < 20 || headerLength > length) {
                return false;
            }
            protocol = p.get(start + 9) & 0xFF;
            srcHi = 0;
            srcLo = p.getInt(start + 12) & 0xFFFFFFFFL;
            dstHi = 0;
            dstLo = p.getInt(start + 16) & 0xFFFFFFFFL;
            boolean firstFragment = (p.getShort(start + 6) & 0x1FFF) == 0;
            readPorts(p, start + headerLength, start + length, firstFragment);
        } else if (version == 6) {
            if (length < 40) {
                return false;
            }
            headerLength = 40;
            protocol = p.get(start + 6) & 0xFF; // extension headers are not followed: policy treats them as their own protocol
            srcHi = p.getLong(start + 8);
            srcLo = p.getLong(start + 16);
            dstHi = p.getLong(start + 24);
            dstLo = p.getLong(start + 32);
            readPorts(p, start + 40, start + length, true);
        } else {
            return false;
        }
        valid = true;
        return true;
    }

    private void readPorts(ByteBuffer p, int transport, int end, boolean hasTransportHeader) {
        srcPort = -1;
        dstPort = -1;
        tcpFlags = 0;
        if (!hasTransportHeader || (protocol != TCP && protocol != UDP) || end - transport < 4) {
            return;
        }
        srcPort = p.getShort(transport) & 0xFFFF;
        dstPort = p.getShort(transport + 2) & 0xFFFF;
        if (protocol == TCP && end - transport >= 14) {
            tcpFlags = p.get(transport + 13) & 0xFF;
        }
    }

    public boolean valid() {
        return valid;
    }

    public int version() {
        return version;
    }

    public int protocol() {
        return protocol;
    }

    public int headerLength() {
        return headerLength;
    }

    public long srcHi() {
        return srcHi;
    }

    public long srcLo() {
        return srcLo;
    }

    public long dstHi() {
        return dstHi;
    }

    public long dstLo() {
        return dstLo;
    }

    /** -1 when the protocol has no ports (or this is a non-first fragment). */
    public int srcPort() {
        return srcPort;
    }

    public int dstPort() {
        return dstPort;
    }

    public boolean isTcpSyn() {
        return protocol == TCP && (tcpFlags & 0x02) != 0;
    }

    public boolean isTcpFinOrReset() {
        return protocol == TCP && (tcpFlags & 0x05) != 0;
    }
}

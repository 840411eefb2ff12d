package io.braid.core.protocol;

import java.nio.ByteBuffer;

/**
 * PATH_HELLO body: {@code mtu (u16) | reserved (u16, 0) | sent at (u64)} = 12 bytes. A path
 * registers (or re-registers after a NAT rebinding) by sending an authenticated hello: the
 * receiver then binds the header's path id to the datagram's source address.
 */
public final class PathHelloBody {
    public static final int BYTES = 12;

    private int mtu;
    private long sentNanos;

    public static void write(ByteBuffer out, int mtu, long sentNanos) {
        out.putShort((short) mtu).putShort((short) 0).putLong(sentNanos);
    }

    public boolean read(ByteBuffer body) {
        if (body.remaining() != BYTES) return false;
        int p = body.position();
        if (body.getShort(p + 2) != 0) return false;
        mtu = body.getShort(p) & 0xFFFF;
        sentNanos = body.getLong(p + 4);
        return mtu >= 576;
    }

    /** The largest UDP payload the sender believes this path carries. */
    public int mtu() {
        return mtu;
    }

    public long sentNanos() {
        return sentNanos;
    }
}

package io.braid.core.protocol;

import java.nio.ByteBuffer;

/**
 * Splits an inner packet that does not fit a path's MTU into FRAGMENT packets. Each fragment is
 * a packet of its own (own counter, own tag). The packet is identified by the counter of its
 * fragment 0, which every fragment names by distance, so other packets (FEC parity, probes) may
 * be sealed between fragments.
 *
 * <pre>
 * FRAGMENT body:  index (u8) | count (u8) | offset (u16) | distance (u16) | chunk
 *                 distance = this fragment's counter - fragment 0's counter (0 for fragment 0, >= index)
 * </pre>
 * All chunks but the last have the same length ({@link #chunkLength}) and sit at
 * {@code offset = index x chunk}; the last is 1..chunk bytes. The receiver checks exactly that.
 */
public final class Fragmenter {
    public static final int HEADER_BYTES = 6;
    /** At most this many fragments per inner packet (the receiver tracks them in a 64-bit mask). */
    public static final int MAX_FRAGMENTS = 64;

    private Fragmenter() {}

    /** The largest sealed body that fits one UDP payload of {@code pathMtu} bytes. */
    public static int maxBody(int pathMtu) {
        return pathMtu - PacketHeader.OVERHEAD;
    }

    /**
     * How many packets an inner packet of {@code innerLength} bytes takes when a body may be
     * {@code maxBody} bytes: 1 means send it whole as DATA; -1 means it cannot be sent.
     */
    public static int fragmentCount(int innerLength, int maxBody) {
        if (innerLength <= maxBody) return 1;
        if (maxBody - HEADER_BYTES <= 0 || innerLength > 0xFFFF) return -1;
        int count = ceilDiv(innerLength, chunkLength(innerLength, maxBody));
        return count <= MAX_FRAGMENTS ? count : -1;
    }

    /**
     * The length of every chunk but the last: the fewest fragments that fit, then chunks as even
     * as possible (so the last is not a runt), and the count recomputed from the chunk so the
     * last is never empty.
     */
    public static int chunkLength(int innerLength, int maxBody) {
        return ceilDiv(innerLength, ceilDiv(innerLength, maxBody - HEADER_BYTES));
    }

    /**
     * Writes fragment {@code index} of {@code inner} (position to limit, not moved), cut for
     * bodies of at most {@code maxBody} bytes, into {@code out} at its position, advancing it.
     *
     * @param distance the counter this fragment will be sealed with minus fragment 0's counter
     */
    public static void writeFragment(ByteBuffer inner, int index, int maxBody, int distance, ByteBuffer out) {
        if (distance < index || distance > 0xFFFF || (index == 0) != (distance == 0)) {
            throw new IllegalArgumentException("distance " + distance + " impossible for fragment " + index);
        }
        int length = inner.remaining();
        int chunk = chunkLength(length, maxBody);
        int count = ceilDiv(length, chunk);
        int offset = index * chunk;
        int n = Math.min(chunk, length - offset);
        out.put((byte) index).put((byte) count).putShort((short) offset).putShort((short) distance);
        out.put(out.position(), inner, inner.position() + offset, n);
        out.position(out.position() + n);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}

package io.braid.core.protocol;

import io.braid.core.crypto.AeadAlgorithm;
import java.nio.ByteBuffer;

/**
 * The data-plane packet header: 24 bytes, big-endian, sent in clear and authenticated as the
 * AEAD's additional data. The sealed body (ciphertext + 16-byte tag) follows.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+---------------+---------------+
 * |  version (1)  |     type      |     flags     |   key epoch   |  0
 * +---------------+---------------+---------------+---------------+
 * |            path id            |            length             |  4
 * +---------------+---------------+---------------+---------------+
 * |                          session id                           |  8
 * +---------------+---------------+---------------+---------------+
 * |                        path sequence                          | 12
 * +---------------+---------------+---------------+---------------+
 * |                                                               | 16
 * +                      counter (64 bits)                        +
 * |                                                               | 20
 * +---------------+---------------+---------------+---------------+
 * |            sealed body: ciphertext || 16-byte tag ...         | 24
 * </pre>
 *
 * <ul>
 *   <li><b>length</b>: bytes after the header (ciphertext + tag), so a receiver can split a
 *       buffer holding several packets back to back (UDP GRO) without decrypting.
 *   <li><b>key epoch</b>: low 8 bits of the key epoch that sealed the packet.
 *   <li><b>path id</b>: the path the packet was sealed for; part of the nonce.
 *   <li><b>path sequence</b>: per-path send sequence (wraps), for per-path loss and reordering.
 *   <li><b>counter</b>: session-wide, one for all paths: nonce, replay-window index and reorder key.
 *       Its top bit is never set.
 * </ul>
 *
 * An instance is a reusable, mutable view of one parsed header (no allocation per packet).
 */
public final class PacketHeader {
    public static final int BYTES = 24;
    public static final int VERSION = 1;
    /** Bytes a sealed packet adds to its body: header plus AEAD tag. */
    public static final int OVERHEAD = BYTES + AeadAlgorithm.TAG_BYTES;
    /** The length field is 16 bits. */
    public static final int MAX_LENGTH_FIELD = 0xFFFF;

    private int version;
    private PacketType type;
    private int flags;
    private int epochByte;
    private int pathId;
    private int length;
    private int sessionId;
    private int pathSequence;
    private long counter;

    /** Encodes a header into {@code dst[0, 24)}. */
    public static void write(byte[] dst, PacketType type, int flags, int epoch, int pathId, int length,
                             int sessionId, int pathSequence, long counter) {
        dst[0] = (byte) VERSION;
        dst[1] = (byte) type.code();
        dst[2] = (byte) flags;
        dst[3] = (byte) epoch;
        dst[4] = (byte) (pathId >>> 8);
        dst[5] = (byte) pathId;
        dst[6] = (byte) (length >>> 8);
        dst[7] = (byte) length;
        putInt(dst, 8, sessionId);
        putInt(dst, 12, pathSequence);
        putInt(dst, 16, (int) (counter >>> 32));
        putInt(dst, 20, (int) counter);
    }

    /**
     * The total size (header + body) of the packet starting at {@code offset}, from its length
     * field, or -1 when fewer than a header's bytes are there. For splitting coalesced buffers.
     */
    public static int packetSize(ByteBuffer buf, int offset) {
        if (buf.limit() - offset < BYTES) return -1;
        return BYTES + (((buf.get(offset + 6) & 0xFF) << 8) | (buf.get(offset + 7) & 0xFF));
    }

    /**
     * Parses the header at {@code buf}'s position (not moving it) into this view.
     *
     * @return null when the header is well-formed and the whole packet is in the buffer, else why not
     */
    public DropReason parse(ByteBuffer buf, int maxLength) {
        int p = buf.position();
        if (buf.limit() - p < BYTES) return DropReason.TRUNCATED;
        version = buf.get(p) & 0xFF;
        if (version != VERSION) return DropReason.BAD_VERSION;
        type = PacketType.fromCode(buf.get(p + 1) & 0xFF);
        if (type == null) return DropReason.BAD_TYPE;
        flags = buf.get(p + 2) & 0xFF;
        if ((flags & ~PacketFlags.KNOWN) != 0) return DropReason.BAD_FLAGS;
        epochByte = buf.get(p + 3) & 0xFF;
        pathId = buf.getShort(p + 4) & 0xFFFF;
        length = buf.getShort(p + 6) & 0xFFFF;
        sessionId = buf.getInt(p + 8);
        pathSequence = buf.getInt(p + 12);
        counter = buf.getLong(p + 16);
        if (length > maxLength) return DropReason.OVERSIZED;
        if (length < AeadAlgorithm.TAG_BYTES) return DropReason.TRUNCATED;
        if (buf.limit() - p - BYTES < length) return DropReason.TRUNCATED;
        if (counter < 0) return DropReason.BAD_COUNTER;
        return null;
    }

    public int version() {
        return version;
    }

    public PacketType type() {
        return type;
    }

    public int flags() {
        return flags;
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** Low 8 bits of the key epoch. */
    public int epochByte() {
        return epochByte;
    }

    public int pathId() {
        return pathId;
    }

    /** Bytes of sealed body after the header (ciphertext + tag). */
    public int length() {
        return length;
    }

    public int sessionId() {
        return sessionId;
    }

    /** Per-path sequence as sent (unsigned 32-bit, wrapping). */
    public int pathSequence() {
        return pathSequence;
    }

    public long counter() {
        return counter;
    }

    private static void putInt(byte[] dst, int off, int v) {
        dst[off] = (byte) (v >>> 24);
        dst[off + 1] = (byte) (v >>> 16);
        dst[off + 2] = (byte) (v >>> 8);
        dst[off + 3] = (byte) v;
    }

    @Override
    public String toString() {
        return "PacketHeader{" + type + ", flags=" + flags + ", epoch=" + epochByte + ", path=" + pathId
                + ", len=" + length + ", session=" + Integer.toUnsignedString(sessionId)
                + ", pathSeq=" + Integer.toUnsignedString(pathSequence) + ", counter=" + counter + "}";
    }
}

package io.braid.core.protocol;

import java.nio.ByteBuffer;

/**
 * PROBE body: {@code probe id (u32) | sent at (u64, sender's clock, ns) | padding...}. The padding
 * (any bytes, ignored) lets a probe test a path's MTU; the peer answers with a {@link ProbeAckBody}.
 * A reusable view: {@link #read} fills it, {@link #write} encodes values.
 */
public final class ProbeBody {
    public static final int MIN_BYTES = 12;

    private int probeId;
    private long sentNanos;
    private int size;

    public static void write(ByteBuffer out, int probeId, long sentNanos, int padding) {
        out.putInt(probeId).putLong(sentNanos);
        for (int i = 0; i < padding; i++) out.put((byte) 0);
    }

    /** Parses {@code body} (position to limit, not moved); false when malformed. */
    public boolean read(ByteBuffer body) {
        if (body.remaining() < MIN_BYTES) return false;
        int p = body.position();
        probeId = body.getInt(p);
        sentNanos = body.getLong(p + 4);
        size = body.remaining();
        return true;
    }

    public int probeId() {
        return probeId;
    }

    public long sentNanos() {
        return sentNanos;
    }

    /** The probe's body size as received (the padding tells the prober which MTU got through). */
    public int size() {
        return size;
    }
}

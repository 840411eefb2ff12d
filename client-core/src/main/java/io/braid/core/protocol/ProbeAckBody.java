package io.braid.core.protocol;

import java.nio.ByteBuffer;

/**
 * PROBE_ACK body: {@code probe id (u32) | echoed sent-at (u64) | ack delay (u32, microseconds) |
 * probe size (u16)} = 18 bytes. RTT = now - echoed sent-at - ack delay, all on the prober's
 * clock except the delay, which the answering end measured between receipt and answer.
 */
public final class ProbeAckBody {
    public static final int BYTES = 18;

    private int probeId;
    private long echoedSentNanos;
    private long ackDelayNanos;
    private int probeSize;

    public static void write(ByteBuffer out, int probeId, long echoedSentNanos, long ackDelayNanos, int probeSize) {
        long micros = Math.max(0, Math.min(ackDelayNanos / 1000, 0xFFFF_FFFFL));
        out.putInt(probeId).putLong(echoedSentNanos).putInt((int) micros).putShort((short) probeSize);
    }

    public boolean read(ByteBuffer body) {
        if (body.remaining() != BYTES) return false;
        int p = body.position();
        probeId = body.getInt(p);
        echoedSentNanos = body.getLong(p + 4);
        ackDelayNanos = Integer.toUnsignedLong(body.getInt(p + 12)) * 1000;
        probeSize = body.getShort(p + 16) & 0xFFFF;
        return true;
    }

    /** The round-trip time this ack measures, on the prober's clock; never negative. */
    public long rttNanos(long nowNanos) {
        return Math.max(0, nowNanos - echoedSentNanos - ackDelayNanos);
    }

    public int probeId() {
        return probeId;
    }

    public long echoedSentNanos() {
        return echoedSentNanos;
    }

    public long ackDelayNanos() {
        return ackDelayNanos;
    }

    public int probeSize() {
        return probeSize;
    }
}

package io.braid.core.protocol;

import java.nio.ByteBuffer;

/** CLOSE body: {@code reason (u16)}. Reasons are explicit numbers; unknown ones still close. */
public final class CloseBody {
    public static final int BYTES = 2;
    public static final int NORMAL = 0;
    public static final int SHUTDOWN = 1;
    public static final int REVOKED = 2;
    public static final int REKEY_FAILED = 3;

    private int reason;

    public static void write(ByteBuffer out, int reason) {
        out.putShort((short) reason);
    }

    public boolean read(ByteBuffer body) {
        if (body.remaining() != BYTES) return false;
        reason = body.getShort(body.position()) & 0xFFFF;
        return true;
    }

    public int reason() {
        return reason;
    }
}

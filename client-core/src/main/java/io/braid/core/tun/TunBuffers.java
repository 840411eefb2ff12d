package io.braid.core.tun;

import java.nio.ByteBuffer;

/** Argument checks every {@link TunDevice} makes the same way. */
public final class TunBuffers {
    private TunBuffers() {}

    /** A read needs room for the largest packet the device can deliver. */
    public static void requireRoomForMtu(ByteBuffer packet, int mtu) {
        if (packet.remaining() < mtu) {
            throw new IllegalArgumentException("buffer has " + packet.remaining() + " bytes left, needs the MTU " + mtu);
        }
    }
}

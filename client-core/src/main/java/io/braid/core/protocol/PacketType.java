package io.braid.core.protocol;

/** The data-plane packet types, with their wire codes (explicit numbers, never ordinals). */
public enum PacketType {
    /** An inner IP packet, whole. */
    DATA(0x01),
    /** A piece of an inner IP packet too large for the path's MTU; see {@link Fragmenter}. */
    FRAGMENT(0x02),
    /** Reed-Solomon parity over a group of DATA/FRAGMENT packets; see {@link FecGroupEncoder}. */
    FEC_PARITY(0x03),
    /** A path announces itself (and its MTU) to the peer; see {@link PathHelloBody}. */
    PATH_HELLO(0x04),
    /** RTT / liveness / MTU probe; see {@link ProbeBody}. */
    PROBE(0x05),
    /** Answer to a probe, echoing its timestamp; see {@link ProbeAckBody}. */
    PROBE_ACK(0x06),
    /** What the receiver saw per path since the last feedback; see {@link PathFeedbackBody}. */
    PATH_FEEDBACK(0x07),
    /** Keeps NAT bindings and liveness when there is nothing else to send; empty body. */
    KEEPALIVE(0x08),
    /** The sender ends the session; see {@link CloseBody}. */
    CLOSE(0x09);

    private static final PacketType[] BY_CODE = new PacketType[256];

    static {
        for (PacketType t : values()) BY_CODE[t.code] = t;
    }

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a wire code, or null when unknown. Allocation-free. */
    public static PacketType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Whether the receiver hands this type towards the TUN device (through reassembly / reorder). */
    public boolean carriesInnerPacket() {
        return this == DATA || this == FRAGMENT;
    }
}

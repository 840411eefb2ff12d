package io.braid.core.protocol;

/** Bits of the header's flags byte. Bits not defined here must be zero, or the packet is dropped. */
public final class PacketFlags {
    private PacketFlags() {}

    /** The packet is a member of a forward-error-correction group: the receiver keeps a copy for recovery. */
    public static final int FEC_MEMBER = 0x01;

    /** Every bit a version-1 receiver understands. */
    public static final int KNOWN = FEC_MEMBER;
}

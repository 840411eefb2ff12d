package io.braid.core.tun.macos;

import com.sun.jna.Structure;

/** {@code struct sockaddr_ctl} (32 bytes): which kernel control, and which unit (utun N is unit N + 1, 0 picks one). */
@Structure.FieldOrder({"sc_len", "sc_family", "ss_sysaddr", "sc_id", "sc_unit", "sc_reserved"})
public class SockaddrCtl extends Structure {
    public byte sc_len;
    public byte sc_family;
    public short ss_sysaddr;
    public int sc_id;
    public int sc_unit;
    public int[] sc_reserved = new int[5];
}

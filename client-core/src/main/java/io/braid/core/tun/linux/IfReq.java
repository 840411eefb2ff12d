package io.braid.core.tun.linux;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;

/**
 * {@code struct ifreq} (40 bytes on 64-bit Linux): the interface name in the first 16 bytes and a
 * union at offset 16 that TUNSETIFF reads as {@code short flags} and SIOCSIFMTU as {@code int mtu}.
 */
final class IfReq {
    static final int NAME_SIZE = 16;
    private final Memory memory = new Memory(40);

    IfReq(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= NAME_SIZE) {
            throw new IllegalArgumentException("interface name '" + name + "' is longer than 15 characters");
        }
        memory.clear();
        memory.write(0, bytes, 0, bytes.length);
    }

    Memory memory() {
        return memory;
    }

    IfReq flags(int flags) {
        memory.setShort(NAME_SIZE, (short) flags);
        return this;
    }

    IfReq intValue(int value) {
        memory.setInt(NAME_SIZE, value);
        return this;
    }

    /** The name as the kernel left it (TUNSETIFF fills in the chosen name, e.g. for "tun%d"). */
    String name() {
        return memory.getString(0, StandardCharsets.US_ASCII.name());
    }
}

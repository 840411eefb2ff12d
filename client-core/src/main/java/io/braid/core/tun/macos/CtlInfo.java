package io.braid.core.tun.macos;

import com.sun.jna.Structure;
import java.nio.charset.StandardCharsets;

/** {@code struct ctl_info}: the kernel control's name in, its id out (CTLIOCGINFO). */
@Structure.FieldOrder({"ctl_id", "ctl_name"})
public class CtlInfo extends Structure {
    public int ctl_id;
    public byte[] ctl_name = new byte[96];

    public CtlInfo() {}

    public CtlInfo(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, ctl_name, 0, bytes.length);
    }

    public String name() {
        int end = 0;
        while (end < ctl_name.length && ctl_name[end] != 0) end++;
        return new String(ctl_name, 0, end, StandardCharsets.US_ASCII);
    }
}

package io.braid.core.netcfg;

import io.braid.core.os.OperatingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this host (or network namespace) runs IPv6 at all. Where it is switched off, the tunnel
 * takes no IPv6 overlay address (adding one would fail) and full-tunnel mode blocks IPv6 instead of
 * carrying it, so nothing leaks either way.
 */
public final class Ipv6Availability {
    private Ipv6Availability() {}

    public static boolean enabled() {
        if (OperatingSystem.current() != OperatingSystem.LINUX) {
            return true;
        }
        Path disabled = Path.of("/proc/sys/net/ipv6/conf/default/disable_ipv6");
        try {
            return Files.exists(Path.of("/proc/net/if_inet6")) && !"1".equals(Files.readString(disabled).trim());
        } catch (IOException e) {
            return false;
        }
    }
}

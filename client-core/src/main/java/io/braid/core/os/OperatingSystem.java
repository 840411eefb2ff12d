package io.braid.core.os;

import java.util.Locale;

/** The operating systems Braid has device and network-configuration code for. */
public enum OperatingSystem {
    LINUX, MACOS, WINDOWS;

    /** The OS this JVM runs on; fails for anything Braid has no platform code for. */
    public static OperatingSystem current() {
        return fromOsName(System.getProperty("os.name", ""));
    }

    /** Maps a {@code os.name} value, e.g. "Mac OS X" or "Windows 11", to the matching constant. */
    public static OperatingSystem fromOsName(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) return LINUX;
        if (n.startsWith("mac") || n.startsWith("darwin")) return MACOS;
        if (n.startsWith("windows")) return WINDOWS;
        throw new UnsupportedOperationException("Braid has no platform support for " + osName);
    }
}

package io.braid.core.platform;

import java.util.Locale;

/** The operating system family Braid is running on; platform code is chosen from this in one place. */
public enum Os {
    LINUX,
    MACOS,
    WINDOWS,
    OTHER;

    private static final Os CURRENT = detect(System.getProperty("os.name", ""));

    public static Os current() {
        return CURRENT;
    }

    static Os detect(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.contains("linux")) {
            return LINUX;
        }
        if (n.contains("mac") || n.contains("darwin")) {
            return MACOS;
        }
        if (n.contains("windows")) {
            return WINDOWS;
        }
        return OTHER;
    }
}

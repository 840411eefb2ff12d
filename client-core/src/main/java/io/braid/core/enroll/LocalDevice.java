package io.braid.core.enroll;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** What this machine tells the manager about itself at enrollment when the user does not say. */
public final class LocalDevice {
    private LocalDevice() {}

    /** The host name, the default device name. */
    public static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h == null || h.isBlank() ? "device" : h;
        } catch (UnknownHostException e) {
            return "device";
        }
    }

    /** Like "linux 6.18.0", for the admin's device list. */
    public static String osDescription() {
        return (System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "")).trim().toLowerCase(Locale.ROOT);
    }
}

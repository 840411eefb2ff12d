package io.braid.core.platform;

import io.braid.core.os.OperatingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process runs with administrator rights (root on Unix, an elevated token on Windows). */
public final class Privileges {
    private Privileges() {}

    public static boolean isPrivileged() {
        if (OperatingSystem.current() == OperatingSystem.WINDOWS) {
            // Only an elevated process may write into the system32 config directory; cheap and JNA-free.
            return Files.isWritable(Path.of(System.getenv().getOrDefault("SystemRoot", "C:\\Windows"), "System32", "config", "systemprofile"));
        }
        return "0".equals(unixUid());
    }

    static String unixUid() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return String.valueOf(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? "0" : "-1";
        }
    }
}

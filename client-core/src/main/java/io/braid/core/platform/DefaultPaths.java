package io.braid.core.platform;

import io.braid.core.os.OperatingSystem;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Braid keeps its state and its control socket when the user does not say (--state-dir,
 * BRAID_STATE_DIR, --socket, BRAID_SOCKET). The agent runs privileged and uses the system locations;
 * an unprivileged user running the CLI on its own gets per-user locations.
 */
public final class DefaultPaths {
    private final OperatingSystem os;
    private final Map<String, String> env;
    private final String userHome;
    private final boolean privileged;

    public DefaultPaths(OperatingSystem os, Map<String, String> env, String userHome, boolean privileged) {
        this.os = os;
        this.env = env;
        this.userHome = userHome;
        this.privileged = privileged;
    }

    public static DefaultPaths current() {
        return new DefaultPaths(OperatingSystem.current(), System.getenv(), System.getProperty("user.home"), Privileges.isPrivileged());
    }

    public Path stateDir() {
        String fromEnv = env.get("BRAID_STATE_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return switch (os) {
            case WINDOWS -> privileged
                    ? Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"), "Braid")
                    : Path.of(env.getOrDefault("LOCALAPPDATA", userHome + "\\AppData\\Local"), "Braid");
            case MACOS -> privileged
                    ? Path.of("/Library/Application Support/Braid")
                    : Path.of(userHome, "Library", "Application Support", "Braid");
            default -> privileged
                    ? Path.of("/var/lib/braid")
                    : Path.of(env.getOrDefault("XDG_STATE_HOME", userHome + "/.local/state"), "braid");
        };
    }

    public Path socket() {
        String fromEnv = env.get("BRAID_SOCKET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return switch (os) {
            case WINDOWS -> Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"), "Braid", "braid.sock");
            case MACOS -> Path.of("/var/run/braid.sock");
            default -> Path.of("/run/braid/braid.sock");
        };
    }
}

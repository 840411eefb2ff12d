package io.braid.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The one check every test that changes the OS network calls first: it skips, with a reason, unless it can run. */
public final class RootOnly {
    private RootOnly() {}

    /** Skips the calling test unless this is Linux, run as root, with /dev/net/tun, ip and nft. */
    public static void assumeLinuxRoot() {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "needs Linux network namespaces");
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to create network namespaces (run ./test.sh as root)");
        assumeTrue(Files.exists(Path.of("/dev/net/tun")), "needs /dev/net/tun");
        assumeTrue(onPath("ip") && onPath("nft"), "needs iproute2 (ip) and nftables (nft) on PATH");
    }

    /** Skips the calling test unless this is Linux, run as root, with {@code tools} on PATH. */
    public static void assumeLinuxRootWith(String... tools) {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "needs Linux");
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root (run ./test.sh as root)");
        for (String tool : tools) {
            assumeTrue(onPath(tool), "needs " + tool + " on PATH");
        }
    }

    /** Whether {@code tool} is an executable on PATH, /usr/sbin or /sbin. */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }
}

package io.braid.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The server's data directory: --data-dir, else BRAID_SERVER_DATA_DIR, else /var/lib/braid-server. */
final class DataDirOption {
    static final String DEFAULT = "/var/lib/braid-server";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Server data directory (default: $BRAID_SERVER_DATA_DIR or " + DEFAULT + ").")
    Path dataDir;

    Path resolve() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("BRAID_SERVER_DATA_DIR");
        return Path.of(env != null && !env.isBlank() ? env : DEFAULT);
    }
}

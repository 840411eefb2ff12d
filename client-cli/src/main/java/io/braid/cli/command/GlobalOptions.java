package io.braid.cli.command;

import io.braid.core.api.client.LocalApiClient;
import io.braid.core.platform.DefaultPaths;
import io.braid.core.store.CredentialStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every client command takes, so several clients can run side by side on one machine (tests do). */
public final class GlobalOptions {
    @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory (default: $BRAID_STATE_DIR or the system location).")
    Path stateDir;

    @Option(names = "--socket", paramLabel = "PATH", description = "Agent control socket (default: $BRAID_SOCKET or the system location).")
    Path socket;

    public Path stateDir() {
        return stateDir != null ? stateDir : DefaultPaths.current().stateDir();
    }

    public Path socket() {
        return socket != null ? socket : DefaultPaths.current().socket();
    }

    /** True when the user chose the state directory (option or BRAID_STATE_DIR) rather than taking the default. */
    public boolean stateDirChosen() {
        String env = System.getenv("BRAID_STATE_DIR");
        return stateDir != null || (env != null && !env.isBlank());
    }

    /** A client of the agent on {@link #socket()}; whether one runs there is for the caller to find out. */
    public LocalApiClient agent() {
        return new LocalApiClient(socket());
    }

    public CredentialStore store() {
        return new CredentialStore(stateDir());
    }
}

package io.braid.core.agent;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.netcfg.NetworkConfigurators;
import io.braid.core.netcfg.ReconcileReport;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code down --force}: undoes every network change a crashed run journaled under the state
 * directory, the lockdown kill switch included. The agent does it when no tunnel runs; the CLI does
 * it itself when no agent runs.
 */
@FunctionalInterface
public interface Leftovers {
    ReconcileReport undo(Path stateDir) throws IOException;

    /** The real thing: the OS's network configurator replays the journal backwards. */
    static Leftovers system() {
        return dir -> NetworkConfigurators.forceDown(dir, true);
    }

    /** Runs {@code leftovers} and says what it did in one line, or fails with a {@link BraidException}. */
    static String undoAndDescribe(Leftovers leftovers, Path stateDir) {
        ReconcileReport r;
        try {
            r = leftovers.undo(stateDir);
        } catch (IOException e) {
            throw new BraidException(ErrorCode.INTERNAL, "could not undo leftover network changes: " + e.getMessage(), e);
        }
        return r.undone() == 0 && r.stepsAlreadyGone() == 0
                ? "no leftover network changes to undo"
                : "undid " + r.undone() + " leftover network changes (" + r.stepsAlreadyGone() + " steps were already gone)";
    }
}

package io.braid.server.cli;

import io.braid.server.testing.RunningManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh running manager per test, found by the commands through its data directory as an operator's would be. */
abstract class CliAgainstManager {
    RunningManager manager;
    String dataDir;

    @BeforeEach
    void startManager() {
        manager = new RunningManager();
        dataDir = manager.dataDir.toString();
    }

    @AfterEach
    void stopManager() {
        manager.close();
    }
}

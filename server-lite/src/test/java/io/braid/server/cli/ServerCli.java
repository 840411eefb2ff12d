package io.braid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.json.Json;
import io.braid.core.testing.CliRun;
import java.io.IOException;

/** Runs braid-server commands in-process for the CLI tests. */
final class ServerCli {
    private ServerCli() {}

    static CliRun run(String... args) {
        return CliRun.of(BraidServerMain.commandLine(), args);
    }

    /** Runs a command that must succeed and parses its --json output. */
    static JsonNode json(String... args) throws IOException {
        CliRun run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.lenient().readTree(run.out());
    }
}

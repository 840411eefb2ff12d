package io.braid.cli;

import static io.braid.cli.AgentCliTest.assertOneLineError;
import static io.braid.cli.AgentCliTest.braid;
import static io.braid.cli.AgentCliTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.ErrorCode;
import io.braid.core.api.client.LocalApiClient;
import io.braid.core.json.Json;
import io.braid.core.store.CredentialStore;
import io.braid.core.testing.CliRun;
import io.braid.core.testing.TestCa;
import io.braid.core.testing.TestCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code braid agent} run in this JVM, the CLI through it, and what the CLI does when no agent runs. */
class AgentCommandTest {
    @TempDir
    Path tmp;

    private String state() {
        return tmp.resolve("state").toString();
    }

    private String socket() {
        return tmp.resolve("agent.sock").toString();
    }

    private void enrollHere() {
        new CredentialStore(tmp.resolve("state")).save(TestCredentials.issue(new TestCa("cli"), "dev0cli1", Duration.ofDays(90)));
    }

    /** Runs {@code braid agent} on a virtual thread until {@code stop} interrupts it. */
    private final class RunningAgent implements AutoCloseable {
        final Thread thread;
        final CompletableFuture<CliRun> run = new CompletableFuture<>();

        RunningAgent() throws InterruptedException {
            thread = Thread.ofVirtual().start(() -> run.complete(braid("agent", "--state-dir", state(), "--socket", socket())));
            eventually(() -> run.isDone() || new LocalApiClient(Path.of(socket())).agentRunning());
            assertThat(run).as("the agent is still running").isNotDone();
        }

        CliRun stop() throws Exception {
            thread.interrupt();
            return run.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (!run.isDone()) {
                stop();
            }
        }
    }

    @Test
    void statusJsonThroughARunningAgentAndTheSocketIsGoneAfterIt() throws Exception {
        enrollHere();
        try (RunningAgent agent = new RunningAgent()) {
            CliRun status = braid("status", "--json", "--socket", socket());
            assertThat(status.exitCode()).as(status.err()).isZero();
            JsonNode s = Json.lenient().readTree(status.out());
            assertThat(s.get("state").asText()).isEqualTo("disconnected");
            assertThat(s.get("deviceId").asText()).isEqualTo("dev0cli1");
            assertThat(s.get("stateDir").asText()).isEqualTo(state());

            // `up` through the agent starts the real engine: that is proven against a real headend in e2e.
            assertThat(braid("down", "--socket", socket()).exitCode()).isZero();

            CliRun second = braid("agent", "--state-dir", state(), "--socket", socket());
            assertOneLineError(second, ErrorCode.CONFLICT, "another Braid agent is already running on " + socket());

            CliRun stopped = agent.stop();
            assertThat(stopped.exitCode()).as(stopped.err()).isZero();
            assertThat(stopped.err()).contains("braid agent: serving " + socket());
        }
        assertThat(Path.of(socket())).doesNotExist();
    }

    @Test
    void withoutAnAgentStatusReadsTheStateDirectory() throws Exception {
        enrollHere();
        CliRun run = braid("status", "--json", "--state-dir", state(), "--socket", socket());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode s = Json.lenient().readTree(run.out());
        assertThat(s.get("state").asText()).isEqualTo("not_running");
        assertThat(s.get("deviceId").asText()).isEqualTo("dev0cli1");
        assertThat(s.get("bytesIn").asLong()).isZero();

        CliRun human = braid("status", "--state-dir", state(), "--socket", socket());
        assertThat(human.out()).contains("state:       not running; start the agent: sudo systemctl start braid-agent");
        CliRun fresh = braid("status", "--json", "--state-dir", tmp.resolve("none").toString(), "--socket", socket());
        assertThat(Json.lenient().readTree(fresh.out()).get("state").asText()).isEqualTo("not_enrolled");
    }

    @Test
    void commandsThatNeedAnAgentSayHowToStartOne() {
        for (String[] args : new String[][] {{"up"}, {"status", "--watch"}, {"logs"}}) {
            String[] withSocket = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--socket", socket()))
                    .toArray(String[]::new);
            assertOneLineError(braid(withSocket), ErrorCode.AGENT_UNAVAILABLE, "no Braid agent is running", "sudo systemctl start braid-agent",
                    "braid up --foreground");
        }
        assertOneLineError(braid("down", "--socket", socket()), ErrorCode.AGENT_UNAVAILABLE, "braid down --force");
    }

    @Test
    void downForceWithoutAnAgentCleansUpHere() {
        CliRun run = braid("down", "--force", "--state-dir", state(), "--socket", socket());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("no leftover network changes to undo" + System.lineSeparator());
    }

    @Test
    void upInTheForegroundNeedsAnEnrolledDevice() {
        // The tunnel itself in the foreground is proven end to end in e2e (real TUN, real headend).
        assertOneLineError(braid("up", "--foreground", "--state-dir", tmp.resolve("none").toString(), "--socket", socket()),
                ErrorCode.NOT_ENROLLED, "not enrolled");
    }
}

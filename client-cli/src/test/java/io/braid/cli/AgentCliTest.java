package io.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.DownRequest;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.api.messages.PathState;
import io.braid.core.api.messages.PathStatus;
import io.braid.core.api.messages.Transport;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.json.Json;
import io.braid.core.testing.CliRun;
import io.braid.core.testing.FakeAgentService;
import io.braid.core.testing.RunningLocalApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code braid up/down/status/enroll/logs} against a real local API server backed by a scripted agent. */
class AgentCliTest {
    @TempDir
    Path tmp;

    private RunningLocalApi api;
    private String socket;

    @BeforeEach
    void start() {
        api = new RunningLocalApi(tmp);
        socket = api.socket.toString();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static CliRun braid(String... args) {
        return CliRun.of(BraidMain.commandLine(), args);
    }

    static void assertOneLineError(CliRun run, ErrorCode code, String... words) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(code.exitCode());
        assertThat(run.err()).startsWith("error: ").contains(words);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** A command running on its own thread whose output the test can read while it runs (--watch). */
    record LiveRun(StringWriter stdout, StringWriter stderr, CompletableFuture<Integer> exit) {
        static LiveRun start(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cmd = BraidMain.commandLine();
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            return new LiveRun(out, err, CompletableFuture.supplyAsync(() -> cmd.execute(args)));
        }

        String out() {
            return stdout.toString();
        }

        CliRun result() throws Exception {
            int code = exit.get(10, TimeUnit.SECONDS);
            return new CliRun(code, stdout.toString(), stderr.toString());
        }
    }

    private static AgentStatus connectedWithPaths() {
        PathStatus eth = new PathStatus("eth0", PathState.UP, 12.5, 0.8, 0.0, 48_000_000, 2_000_000, 3_000_000_000L, null);
        PathStatus lte = new PathStatus("wwan0", PathState.DEGRADED, 61.0, 9.5, 2.5, 9_000_000, 1_000_000, 700_000_000L, 10_000_000_000L);
        TunnelStatus t = new TunnelStatus(ConnectionState.CONNECTED, "vpn.example.com:8444", Transport.UDP, Instant.now().minusSeconds(3725),
                123_456_789, 9_876_543, 100_000, 80_000, null, "bond", "on", List.of(eth, lte));
        return FakeAgentService.sample(ConnectionState.DISCONNECTED).withTunnel(t, Instant.now());
    }

    @Test
    void upHandsEveryOptionToTheAgent() {
        CliRun run = braid("up", "--mode", "redundant", "--wan", "eth0", "--wan", "wwan0", "--full-tunnel", "--kill-switch", "lockdown",
                "--socket", socket);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("tunnel connecting" + System.lineSeparator());
        assertThat(api.agent.lastParams("up")).isEqualTo(new UpRequest("redundant", List.of("eth0", "wwan0"), true, "lockdown"));

        assertThat(braid("up", "--socket", socket).exitCode()).isZero();
        assertThat(api.agent.lastParams("up")).isEqualTo(UpRequest.defaults());
    }

    @Test
    void badUpOptionsAreRefusedBeforeTheAgentIsAsked() {
        assertOneLineError(braid("up", "--kill-switch", "maybe", "--socket", socket), ErrorCode.BAD_INPUT, "off, on, lockdown");
        assertOneLineError(braid("up", "--wan", "eth0", "--wan", "eth0", "--socket", socket), ErrorCode.BAD_INPUT, "named twice");
        assertOneLineError(braid("up", "--mode", "Fast!", "--socket", socket), ErrorCode.BAD_INPUT, "mode");
        assertThat(api.agent.calls()).isEmpty();
    }

    @Test
    void theAgentsRefusalsBecomeOneLineAndTheirExitCode() {
        api.agent.failNext("up", new BraidException(ErrorCode.NOT_IMPLEMENTED, "the tunnel engine is not available in this build"));
        assertOneLineError(braid("up", "--socket", socket), ErrorCode.NOT_IMPLEMENTED, "the tunnel engine is not available in this build");
        api.agent.failNext("down", new BraidException(ErrorCode.FORBIDDEN, "'down' refused: try sudo"));
        assertOneLineError(braid("down", "--socket", socket), ErrorCode.FORBIDDEN, "try sudo");
    }

    @Test
    void downAndDownForce() throws Exception {
        CliRun run = braid("down", "--socket", socket);
        assertThat(run.out()).isEqualTo("tunnel down" + System.lineSeparator());
        assertThat(((DownRequest) api.agent.lastParams("down")).forced()).isFalse();
        CliRun forced = braid("down", "--force", "--json", "--socket", socket);
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Json.lenient().readTree(forced.out()).get("state").asText()).isEqualTo("disconnected");
        assertThat(api.agent.lastParams("down")).isEqualTo(new DownRequest(true));
    }

    @Test
    void statusComesFromTheAgentWithStableJsonFields() throws Exception {
        AgentStatus connected = connectedWithPaths();
        api.agent.publish(connected);
        CliRun run = braid("status", "--json", "--socket", socket);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode s = Json.lenient().readTree(run.out());
        assertThat(s.get("state").asText()).isEqualTo("connected");
        assertThat(s.get("deviceId").asText()).isEqualTo("dev-fake");
        assertThat(s.get("headend").asText()).isEqualTo("vpn.example.com:8444");
        assertThat(s.get("transport").asText()).isEqualTo("udp");
        assertThat(s.get("bytesIn").asLong()).isEqualTo(123_456_789);
        assertThat(s.get("uptimeSeconds").asLong()).isBetween(3725L, 3800L);
        assertThat(s.get("paths").get(1).get("state").asText()).isEqualTo("degraded");
        assertThat(s.get("paths").get(1).get("capBytes").asLong()).isEqualTo(10_000_000_000L);
        assertThat(Json.lenient().treeToValue(s, AgentStatus.class)).isEqualTo(connected);
        for (String field : List.of("state", "deviceId", "name", "server", "overlayIpv4", "overlayIpv6", "routes", "headend", "transport",
                "connectedSince", "uptimeSeconds", "bytesIn", "bytesOut", "packetsIn", "packetsOut", "certificateExpires", "mode",
                "killSwitch", "paths", "stateDir")) {
            assertThat(s.has(field)).as(field).isTrue();
        }

        CliRun human = braid("status", "--socket", socket);
        assertThat(human.out()).contains("state:       connected since").contains("(1h 2m)")
                .contains("headend:     vpn.example.com:8444 over udp")
                .contains("traffic:     in 123.5 MB (100000 packets), out 9.9 MB (80000 packets)")
                .contains("mode:        bond, kill switch on")
                .containsPattern("wwan0\\s+degraded\\s+61.0 ms\\s+9.5 ms\\s+2.5%\\s+9.0 Mbit/s\\s+1.0 Mbit/s\\s+700.0 MB of 10.0 GB");
    }

    @Test
    void statusWatchPrintsOneJsonObjectPerChangeUntilTheAgentStops() throws Exception {
        LiveRun watching = LiveRun.start("status", "--json", "--watch", "--socket", socket);
        eventually(() -> api.agent.watchers() == 1);
        api.agent.publish(FakeAgentService.sample(ConnectionState.CONNECTING));
        api.agent.log(LogEntry.Level.INFO, "not printed in --json --watch");
        api.agent.publish(connectedWithPaths());
        eventually(() -> watching.out().contains("\"connected\""));
        api.close();
        CliRun run = watching.result();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> Json.lenient().readTree(l).get("state").asText())
                .containsExactly("disconnected", "connecting", "connected");
        assertThat(run.exitCode()).isEqualTo(ErrorCode.AGENT_UNAVAILABLE.exitCode());
        assertThat(run.err().strip()).startsWith("error: the Braid agent on ").endsWith("stopped");
    }

    @Test
    void humanWatchRedrawsOnEachChangeAndShowsEvents() throws Exception {
        LiveRun watching = LiveRun.start("status", "--watch", "--socket", socket);
        eventually(() -> api.agent.watchers() == 1);
        api.agent.log(LogEntry.Level.WARN, "path wwan0 degraded");
        api.agent.publish(connectedWithPaths());
        eventually(() -> watching.out().contains("connected since"));
        api.close();
        String out = watching.result().out();
        assertThat(out).contains("state:       disconnected").contains("warn path wwan0 degraded").contains("state:       connected since");
        assertThat(out.indexOf("disconnected")).isLessThan(out.indexOf("path wwan0 degraded"));
    }

    @Test
    void enrollGoesThroughTheAgentWithTheKeyReadHere() throws Exception {
        Path keyFile = Files.writeString(tmp.resolve("key"), "k1234.abcdefghijklmnopqrstu\n");
        String fingerprint = "sha256:" + "ab".repeat(32);
        CliRun run = braid("enroll", "--server", "198.18.0.1", "--key", "file:" + keyFile, "--ca-fingerprint", fingerprint, "--name", "laptop",
                "--socket", socket);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("enrolled as dev-fake (fake) with https://198.18.0.1:8443/");
        assertThat(api.agent.lastParams("enroll"))
                .isEqualTo(new EnrollParams(null, "198.18.0.1", "k1234.abcdefghijklmnopqrstu", fingerprint, "laptop", null));

        CliRun elsewhere = braid("enroll", "braid://198.18.0.1:8443/enroll?key=k1234.abcdefghijklmnopqrstu&ca=" + fingerprint,
                "--state-dir", tmp.resolve("mine").toString(), "--socket", socket);
        assertOneLineError(elsewhere, ErrorCode.CONFLICT, "keeps its identity in /fake/state");
        assertOneLineError(braid("enroll", "braid://nowhere", "--socket", socket), ErrorCode.MALFORMED_LINK, "not a Braid enrollment link");
        assertThat(api.agent.calls()).extracting(FakeAgentService.Call::method).containsExactly("enroll", "status");
    }

    @Test
    void logsShowsTheAgentsRecentEvents() throws Exception {
        api.agent.log(LogEntry.Level.INFO, "tunnel connected");
        api.agent.log(LogEntry.Level.ERROR, "headend unreachable");
        CliRun run = braid("logs", "--socket", socket);
        assertThat(run.out().lines().toList()).hasSize(2);
        assertThat(run.out()).contains(" info tunnel connected").contains(" error headend unreachable");
        JsonNode json = Json.lenient().readTree(braid("logs", "--json", "--socket", socket).out());
        assertThat(json.get("entries").get(1).get("level").asText()).isEqualTo("error");
    }

    @Test
    void upForegroundRefusesWhileAnAgentOwnsTheTunnel() {
        assertOneLineError(braid("up", "--foreground", "--socket", socket), ErrorCode.CONFLICT, "an agent is running on " + socket);
    }
}

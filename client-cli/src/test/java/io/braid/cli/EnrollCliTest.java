package io.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.ErrorCode;
import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.json.Json;
import io.braid.core.pki.Fingerprint;
import io.braid.core.testing.CliRun;
import io.braid.server.testing.RunningManager;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `braid enroll`, `status` and `cert` against a real manager on loopback, as a user runs them. */
class EnrollCliTest {
    private static RunningManager manager;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        manager = new RunningManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static String link() {
        EnrollmentLink l = manager.singleUseKey();
        return EnrollmentLink.format("127.0.0.1", manager.server().port(), l.key(), l.caFingerprint());
    }

    /** Runs braid with a socket where no agent listens, so a system agent on this machine cannot answer instead. */
    private CliRun braid(String... args) {
        boolean takesSocket = args.length > 0 && List.of("enroll", "status", "cert").contains(args[0]) && !List.of(args).contains("--help");
        if (!takesSocket || args[0].equals("cert")) {
            return CliRun.of(BraidMain.commandLine(), args);
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--socket", tmp.resolve("no-agent.sock").toString()));
        return CliRun.of(BraidMain.commandLine(), all.toArray(String[]::new));
    }

    private static void assertOneLineError(CliRun run, ErrorCode code) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(code.exitCode());
        assertThat(run.err()).startsWith("error: ");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void enrollWithALinkThenStatusAndCertShowReportTheDevice() throws Exception {
        String state = tmp.resolve("state").toString();
        CliRun enroll = braid("enroll", link(), "--state-dir", state, "--name", "laptop", "--json");
        assertThat(enroll.exitCode()).as(enroll.err()).isZero();
        JsonNode enrolled = Json.lenient().readTree(enroll.out());
        assertThat(enrolled.get("overlayIpv4").asText()).startsWith("100.96.");

        JsonNode status = Json.lenient().readTree(braid("status", "--json", "--state-dir", state).out());
        assertThat(status.get("state").asText()).isEqualTo("not_running");
        assertThat(status.get("deviceId").asText()).isEqualTo(enrolled.get("deviceId").asText());
        assertThat(status.get("name").asText()).isEqualTo("laptop");
        assertThat(Duration.between(Instant.now(), Instant.parse(status.get("certificateExpires").asText())).toDays()).isBetween(88L, 90L);
        assertThat(status.has("certificateWarning")).isFalse();
        assertThat(status.get("routes").get(0).asText()).isEqualTo("198.18.10.0/24");

        JsonNode cert = Json.lenient().readTree(braid("cert", "show", "--json", "--state-dir", state).out());
        assertThat(cert.get("deviceId").asText()).isEqualTo(enrolled.get("deviceId").asText());
        assertThat(cert.get("issuer").asText()).contains("Braid Issuing CA");
        assertThat(cert.get("fingerprint").asText()).startsWith("sha256:");

        CliRun renew = braid("cert", "renew", "--json", "--state-dir", state);
        assertThat(renew.exitCode()).as(renew.err()).isZero();
        assertThat(Json.lenient().readTree(renew.out()).get("serial").asText()).isNotEqualTo(cert.get("serial").asText());

        CliRun human = braid("status", "--state-dir", state);
        assertThat(human.out()).contains("state:       not running").contains("laptop");
    }

    @Test
    void enrollWithServerKeyFileAndFingerprintKeepsTheKeyOffTheCommandLine() throws Exception {
        EnrollmentLink l = manager.singleUseKey();
        Path keyFile = tmp.resolve("key");
        Files.writeString(keyFile, l.key());
        CliRun run = braid("enroll", "--server", "127.0.0.1:" + manager.server().port(), "--key", "file:" + keyFile,
                "--ca-fingerprint", l.caFingerprint().toString(), "--state-dir", tmp.resolve("s").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("enrolled as ");
    }

    @Test
    void enrollingTwiceNeedsForce() {
        String state = tmp.resolve("state").toString();
        assertThat(braid("enroll", link(), "--state-dir", state).exitCode()).isZero();
        String before = braid("status", "--json", "--state-dir", state).out();
        assertOneLineError(braid("enroll", link(), "--state-dir", state), ErrorCode.ALREADY_ENROLLED);
        assertThat(braid("status", "--json", "--state-dir", state).out()).isEqualTo(before);
        CliRun forced = braid("enroll", link(), "--state-dir", state, "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(braid("status", "--json", "--state-dir", state).out()).isNotEqualTo(before);
    }

    @Test
    void badInputGetsOneLineAndChangesNothing() throws Exception {
        Path state = tmp.resolve("state");
        String s = state.toString();
        String good = link();
        String wrongCa = good.replaceAll("ca=sha256:[0-9a-f]+", "ca=" + Fingerprint.of(new io.braid.core.testing.TestCa("x").root));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertOneLineError(braid("enroll", "braid://nowhere", "--state-dir", s), ErrorCode.MALFORMED_LINK);
        assertOneLineError(braid("enroll", wrongCa, "--state-dir", s), ErrorCode.CA_MISMATCH);
        assertOneLineError(braid("enroll", good.replace(":" + manager.server().port() + "/", ":" + closed + "/"), "--state-dir", s),
                ErrorCode.SERVER_UNREACHABLE);
        assertOneLineError(braid("enroll", good.replaceAll("key=k[a-z0-9]+", "key=kunknownkey1"), "--state-dir", s), ErrorCode.KEY_UNKNOWN);
        assertOneLineError(braid("enroll", good, "--server", "https://x", "--state-dir", s), ErrorCode.BAD_INPUT);
        assertOneLineError(braid("enroll", "--server", "https://127.0.0.1:1", "--key", "k1234.abcdefghijklmnopqrstu",
                "--ca-fingerprint", "md5:00", "--state-dir", s), ErrorCode.BAD_INPUT);
        assertThat(state).doesNotExist();
        // After all those refusals the key in the good link is still unused.
        assertThat(braid("enroll", good, "--state-dir", s).exitCode()).isZero();
    }

    @Test
    void unknownOptionsAndMissingEnrollmentAreClear() {
        CliRun typo = braid("status", "--jsn");
        assertThat(typo.exitCode()).isEqualTo(ErrorCode.BAD_INPUT.exitCode());
        assertThat(typo.err().strip().lines()).hasSize(1);
        assertThat(typo.err()).contains("--jsn").contains("braid status --help");

        CliRun notEnrolled = braid("cert", "show", "--state-dir", tmp.resolve("none").toString());
        assertOneLineError(notEnrolled, ErrorCode.NOT_ENROLLED);
        CliRun status = braid("status", "--json", "--state-dir", tmp.resolve("none").toString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("\"state\" : \"not_enrolled\"");
    }

    @Test
    void versionAndHelpWork() {
        assertThat(braid("--version").out()).startsWith("braid ");
        assertThat(braid("version").out()).startsWith("braid ");
        assertThat(braid("enroll", "--help").out()).contains("--ca-fingerprint");
    }

    @Test
    void enrollThroughARunningAgentThenItsStatusShowsTheDevice() throws Exception {
        String state = tmp.resolve("agent-state").toString();
        String socket = tmp.resolve("agent.sock").toString();
        CompletableFuture<CliRun> agentRun = new CompletableFuture<>();
        Thread agent = Thread.ofVirtual().start(() -> agentRun.complete(CliRun.of(BraidMain.commandLine(), "agent", "--state-dir", state,
                "--socket", socket)));
        try {
            AgentCliTest.eventually(() -> agentRun.isDone() || new io.braid.core.api.client.LocalApiClient(Path.of(socket)).agentRunning());
            CliRun enroll = CliRun.of(BraidMain.commandLine(), "enroll", link(), "--name", "via-agent", "--json", "--socket", socket);
            assertThat(enroll.exitCode()).as(enroll.err()).isZero();
            JsonNode enrolled = Json.lenient().readTree(enroll.out());
            assertThat(enrolled.get("stateDir").asText()).isEqualTo(state);

            JsonNode status = Json.lenient().readTree(CliRun.of(BraidMain.commandLine(), "status", "--json", "--socket", socket).out());
            assertThat(status.get("state").asText()).isEqualTo("disconnected");
            assertThat(status.get("deviceId").asText()).isEqualTo(enrolled.get("deviceId").asText());
            assertThat(status.get("name").asText()).isEqualTo("via-agent");
            assertThat(new io.braid.core.store.CredentialStore(Path.of(state)).isEnrolled()).isTrue();

            assertOneLineError(CliRun.of(BraidMain.commandLine(), "enroll", link(), "--socket", socket), ErrorCode.ALREADY_ENROLLED);
        } finally {
            agent.interrupt();
            assertThat(agentRun.get(10, TimeUnit.SECONDS).exitCode()).isZero();
        }
    }
}

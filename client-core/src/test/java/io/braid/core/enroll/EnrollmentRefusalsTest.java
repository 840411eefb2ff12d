package io.braid.core.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.json.Json;
import io.braid.core.manager.ManagerApi;
import io.braid.core.manager.TunnelSettings;
import io.braid.core.pki.Fingerprint;
import io.braid.core.pki.KeyPairs;
import io.braid.core.pki.Pem;
import io.braid.core.store.CredentialStore;
import io.braid.core.testing.FakeManager;
import io.braid.core.testing.TestCa;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device refuses servers that are not what the link promised, and keeps nothing when it does. */
class EnrollmentRefusalsTest {
    private static final String KEY = "kabcdefgh.0123456789abcdefghijklmnop";

    private final TestCa ca = new TestCa("pinned");
    private FakeManager server;
    private Path stateDir;
    private Enrollment enrollment;

    @BeforeEach
    void start(@TempDir Path tmp) throws Exception {
        server = new FakeManager(ca);
        stateDir = tmp.resolve("state");
        enrollment = new Enrollment(new CredentialStore(stateDir), new ManagerClients(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EnrollmentLink link(Fingerprint pin) {
        return new EnrollmentLink(server.url(), KEY, pin);
    }

    private ErrorCode refusalOf(EnrollmentLink link) {
        try {
            enrollment.enroll(link, "laptop", "linux", false);
        } catch (BraidException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(KEY);
            assertThat(stateDir).as("nothing is stored after a refusal").doesNotExist();
            return e.code();
        }
        throw new AssertionError("enrollment was not refused");
    }

    @Test
    void aServerOfAnotherCaIsRefusedBeforeAnythingIsSent() {
        assertThat(refusalOf(link(Fingerprint.of(new TestCa("other").root)))).isEqualTo(ErrorCode.CA_MISMATCH);
        assertThat(server.requestedPaths()).isEmpty();
    }

    @Test
    void garbageAnswersAreRefused() {
        server.answer(201, "<html>hello</html>");
        assertThat(refusalOf(link(Fingerprint.of(ca.root)))).isEqualTo(ErrorCode.BAD_SERVER_RESPONSE);
        server.answer(502, "");
        assertThat(refusalOf(link(Fingerprint.of(ca.root)))).isEqualTo(ErrorCode.BAD_SERVER_RESPONSE);
        server.answer(201, "{\"deviceId\":\"abcd1234\"}");
        assertThat(refusalOf(link(Fingerprint.of(ca.root)))).isEqualTo(ErrorCode.BAD_SERVER_RESPONSE);
    }

    @Test
    void theServersOwnErrorIsPassedOn() {
        server.answer(403, "{\"error\":\"key_expired\",\"message\":\"this enrollment key has expired\"}");
        assertThat(refusalOf(link(Fingerprint.of(ca.root)))).isEqualTo(ErrorCode.KEY_EXPIRED);
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() throws Exception {
        var stolen = ca.device(KeyPairs.p256().getPublic(), "abcd1234", Duration.ofDays(90));
        var answer = new ManagerApi.EnrollResponse("abcd1234", "laptop", Pem.encode(stolen), Pem.encodeChain(List.of(ca.issuing, ca.root)),
                new ManagerApi.AccessToken("a.b.c", Instant.now().plusSeconds(900)),
                new TunnelSettings(List.of(), "100.96.0.2", "fd00::2", List.of(), List.of(), List.of(), 1380));
        server.answer(201, Json.lenient().writeValueAsString(answer));
        assertThat(refusalOf(link(Fingerprint.of(ca.root)))).isEqualTo(ErrorCode.CERTIFICATE_MISMATCH);
    }

    @Test
    void anUnreachableServerIsReportedAsSuch() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        EnrollmentLink nowhere = new EnrollmentLink(URI.create("https://127.0.0.1:" + closedPort + "/"), KEY, Fingerprint.of(ca.root));
        assertThat(refusalOf(nowhere)).isEqualTo(ErrorCode.SERVER_UNREACHABLE);
    }
}

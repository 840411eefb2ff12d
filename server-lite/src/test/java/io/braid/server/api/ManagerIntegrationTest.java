package io.braid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.enroll.CertificateRenewal;
import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.http.JsonHttpClient;
import io.braid.core.manager.ManagerApi;
import io.braid.core.pki.CertificateRequests;
import io.braid.core.pki.KeyPairs;
import io.braid.core.pki.Pem;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import io.braid.server.auth.CertificateThumbprint;
import io.braid.server.auth.TokenVerifier;
import io.braid.server.enroll.EnrollmentKeyService;
import io.braid.server.store.AuditEntry;
import io.braid.server.store.Device;
import io.braid.server.testing.RunningManager;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real manager on loopback, driven through the same client code the CLI uses. */
class ManagerIntegrationTest {
    private RunningManager manager;
    private Path clientDirs;
    private final ManagerClients clients = new ManagerClients(Duration.ofSeconds(10));

    @BeforeEach
    void start(@TempDir Path tmp) {
        manager = new RunningManager();
        clientDirs = tmp;
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    private CredentialStore store(String name) {
        return new CredentialStore(clientDirs.resolve(name));
    }

    private DeviceCredentials enroll(String name, EnrollmentLink link) {
        return new Enrollment(store(name), clients, Clock.systemUTC()).enroll(link, name, "linux", false);
    }

    private List<Device> devices() {
        try (JsonHttpClient admin = manager.admin()) {
            return admin.get(AdminApi.DEVICES, io.braid.core.json.Json.lenient().getTypeFactory()
                    .constructCollectionType(List.class, Device.class));
        }
    }

    private ErrorCode refusal(Runnable action) {
        try {
            action.run();
        } catch (BraidException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aDeviceEnrollsAndLeavesWithAChainTheJdkValidates() throws Exception {
        DeviceCredentials device = enroll("laptop", manager.singleUseKey());

        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(device.root(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(device.chain().subList(0, device.chain().size() - 1)), params);
        assertThat(device.root()).isEqualTo(manager.server().services().pki().ca().root());

        assertThat(device.settings().overlayIpv4()).isEqualTo("100.96.0.2");
        assertThat(device.settings().routes()).containsExactly("198.18.10.0/24");
        assertThat(device.settings().headends()).extracting(Object::toString).containsExactly("127.0.0.1:" + manager.headendPort);

        var verifier = new TokenVerifier(manager.server().services().tokenKeys().publicJwks(), manager.server().services().tokenIssuer(),
                Clock.systemUTC());
        var token = verifier.verify(device.token().accessToken(), CertificateThumbprint.of(device.certificate()));
        assertThat(token.deviceId()).isEqualTo(device.deviceId());
        assertThat(token.groups()).containsExactly("staff");

        assertThat(devices()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(device.deviceId());
            assertThat(d.status()).isEqualTo(Device.ENABLED);
            assertThat(d.groups()).containsExactly("staff");
        });
    }

    @Test
    void badKeysAreRefusedAndChangeNothing() {
        EnrollmentLink single = manager.singleUseKey();
        enroll("first", single);
        EnrollmentLink revoked = manager.singleUseKey();
        try (JsonHttpClient admin = manager.admin()) {
            admin.post(AdminApi.path(AdminApi.KEY_REVOKE, revoked.key().substring(0, revoked.key().indexOf('.'))), Map.of(), JsonNode.class);
        }
        EnrollmentLink expiring = manager.newKey(new EnrollmentKeyService.CreateRequest(null, false, null, 60L, List.of()));
        manager.clock.advance(Duration.ofMinutes(2));
        EnrollmentLink unknown = new EnrollmentLink(single.server(), "kzzzzzzzzzzzz.0123456789abcdefghijklmnopqrstuvwxyz012345", single.caFingerprint());
        String wrongSecret = single.key().substring(0, single.key().indexOf('.') + 1) + "0123456789abcdefghijklmnopqrstuvwxyz0123456";
        EnrollmentLink guessed = new EnrollmentLink(single.server(), wrongSecret, single.caFingerprint());

        assertThat(refusal(() -> enroll("second", single))).isEqualTo(ErrorCode.KEY_USED_UP);
        assertThat(refusal(() -> enroll("third", revoked))).isEqualTo(ErrorCode.KEY_REVOKED);
        assertThat(refusal(() -> enroll("fourth", expiring))).isEqualTo(ErrorCode.KEY_EXPIRED);
        assertThat(refusal(() -> enroll("fifth", unknown))).isEqualTo(ErrorCode.KEY_UNKNOWN);
        assertThat(refusal(() -> enroll("sixth", guessed))).isEqualTo(ErrorCode.KEY_UNKNOWN);

        assertThat(devices()).extracting(Device::name).containsExactly("first");
        for (String refused : List.of("second", "third", "fourth", "fifth", "sixth")) {
            assertThat(clientDirs.resolve(refused)).doesNotExist();
        }
        try (JsonHttpClient admin = manager.admin()) {
            List<AuditEntry> audit = admin.get(AdminApi.AUDIT, io.braid.core.json.Json.lenient().getTypeFactory()
                    .constructCollectionType(List.class, AuditEntry.class));
            assertThat(audit).filteredOn(e -> e.action().equals("device.enroll") && e.outcome().equals("failure"))
                    .extracting(AuditEntry::details)
                    .containsExactly("key_used_up", "key_revoked", "key_expired", "key_unknown", "key_unknown");
        }
    }

    @Test
    void aReusableKeyStopsAtItsMaximumEvenUnderConcurrency() throws Exception {
        EnrollmentLink link = manager.newKey(new EnrollmentKeyService.CreateRequest("fleet", true, 3, null, List.of()));
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 8; i++) {
            String name = "host" + i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    enroll(name, link);
                    ok.incrementAndGet();
                } catch (BraidException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.KEY_USED_UP);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok).hasValue(3);
        assertThat(devices()).hasSize(3);
        assertThat(devices()).extracting(Device::overlayIpv4).doesNotHaveDuplicates();
    }

    @Test
    void badCertificateRequestsAreRefused() {
        try (JsonHttpClient http = manager.http(Map.of())) {
            EnrollmentLink link = manager.singleUseKey();
            var claimed = KeyPairs.p256();
            var validCsr = Pem.encode(CertificateRequests.create(KeyPairs.p256(), "x"));
            Supplier<String> unsignedByClaimed = () -> {
                try {
                    return Pem.encode(new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                            new org.bouncycastle.asn1.x500.X500Name("CN=x"), claimed.getPublic())
                            .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                                    .build(KeyPairs.p256().getPrivate())));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertThat(refusal(() -> http.post(ManagerApi.ENROLL, new ManagerApi.EnrollRequest(link.key(), unsignedByClaimed.get(), "x", "linux"),
                    JsonNode.class))).isEqualTo(ErrorCode.CSR_INVALID);
            assertThat(refusal(() -> http.post(ManagerApi.ENROLL, new ManagerApi.EnrollRequest(link.key(), "garbage", "x", "linux"),
                    JsonNode.class))).isEqualTo(ErrorCode.CSR_INVALID);
            // The key was not spent by the refusals: it still enrolls a well-formed request.
            assertThat(http.post(ManagerApi.ENROLL, new ManagerApi.EnrollRequest(link.key(), validCsr, "x", "linux"),
                    ManagerApi.EnrollResponse.class).deviceId()).isNotBlank();
        }
    }

    @Test
    void malformedAndOversizeBodiesGetJsonErrors() throws Exception {
        HttpClient raw = HttpClient.newBuilder().sslContext(io.braid.core.pki.TlsContexts.anonymous(
                io.braid.core.pki.PinnedCaTrust.forFingerprint(manager.caFingerprint()))).build();
        Map<String, Integer> cases = Map.of(
                "{\"key\":\"a.b\",\"csr\":\"x\",\"name\":\"n\",\"extra\":1}", 400,
                "{\"key\":5,\"csr\":\"x\",\"name\":\"n\"}", 400,
                "[1,2,3]", 400,
                "not json", 400,
                "{\"key\":\"" + "k".repeat(70_000) + "\"}", 413);
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = raw.send(HttpRequest.newBuilder(manager.url().resolve(ManagerApi.ENROLL))
                    .POST(HttpRequest.BodyPublishers.ofString(c.getKey())).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(c.getKey().substring(0, Math.min(40, c.getKey().length()))).isEqualTo(c.getValue());
            JsonNode body = io.braid.core.json.Json.lenient().readTree(r.body());
            assertThat(body.get("error").asText()).isIn("bad_input", "body_too_large");
            assertThat(body.get("message").asText()).isNotBlank();
        }
        assertThat(devices()).isEmpty();
    }

    @Test
    void repeatedFailuresFromOneAddressAreRateLimited() {
        EnrollmentLink link = manager.singleUseKey();
        EnrollmentLink wrong = new EnrollmentLink(link.server(), "kzzzzzzzzzzzz.0123456789abcdefghijklmnopqrstuvwxyz012345", link.caFingerprint());
        for (int i = 0; i < 10; i++) {
            assertThat(refusal(() -> enroll("guess", wrong))).isEqualTo(ErrorCode.KEY_UNKNOWN);
        }
        assertThat(refusal(() -> enroll("guess", wrong))).isEqualTo(ErrorCode.RATE_LIMITED);
        // Even the right key waits until the address has earned a new attempt.
        assertThat(refusal(() -> enroll("right", link))).isEqualTo(ErrorCode.RATE_LIMITED);
        manager.clock.advance(Duration.ofSeconds(7));
        assertThat(enroll("right", link).deviceId()).isNotBlank();
    }

    @Test
    void disabledAndRevokedDevicesCannotRefreshAndRevocationReachesTheCrl() throws Exception {
        DeviceCredentials device = enroll("laptop", manager.singleUseKey());
        CertificateRenewal renewal = new CertificateRenewal(store("laptop"), clients, Clock.systemUTC());
        assertThat(renewal.refreshToken(device).token().accessToken()).isNotEqualTo(device.token().accessToken());

        try (JsonHttpClient admin = manager.admin()) {
            admin.post(AdminApi.path(AdminApi.DEVICE, device.deviceId()) + "/disable", Map.of(), Device.class);
            assertThat(refusal(() -> renewal.refreshToken(device))).isEqualTo(ErrorCode.DEVICE_DISABLED);
            admin.post(AdminApi.path(AdminApi.DEVICE, device.deviceId()) + "/enable", Map.of(), Device.class);
            assertThat(renewal.refreshToken(device).deviceId()).isEqualTo(device.deviceId());

            assertThat(crl().isRevoked(device.certificate())).isFalse();
            admin.post(AdminApi.path(AdminApi.DEVICE, device.deviceId()) + "/revoke", Map.of(), Device.class);
        }
        assertThat(refusal(() -> renewal.refreshToken(device))).isEqualTo(ErrorCode.DEVICE_REVOKED);
        assertThat(refusal(() -> renewal.renew(device))).isEqualTo(ErrorCode.DEVICE_REVOKED);
        X509CRL crl = crl();
        crl.verify(manager.server().services().pki().ca().issuing().getPublicKey());
        assertThat(crl.isRevoked(device.certificate())).isTrue();
    }

    @Test
    void renewalIssuesANewKeyForTheSameDevice() {
        DeviceCredentials device = enroll("laptop", manager.singleUseKey());
        DeviceCredentials renewed = new CertificateRenewal(store("laptop"), clients, Clock.systemUTC()).renew(device);
        assertThat(renewed.deviceId()).isEqualTo(device.deviceId());
        assertThat(renewed.certificate().getPublicKey()).isNotEqualTo(device.certificate().getPublicKey());
        assertThat(store("laptop").load().orElseThrow().certificate()).isEqualTo(renewed.certificate());
    }

    @Test
    void renewalHappensByItselfWhenAThirdOfTheLifetimeIsLeft() {
        DeviceCredentials device = enroll("laptop", manager.singleUseKey());
        var clock = io.braid.core.testing.MutableClock.startingNow();
        CertificateRenewal renewal = new CertificateRenewal(store("laptop"), clients, clock);
        assertThat(renewal.renewIfDue(device)).isSameAs(device);
        clock.advance(Duration.ofDays(61));
        assertThat(renewal.renewIfDue(device).certificate()).isNotEqualTo(device.certificate());
    }

    @Test
    void adminEndpointsNeedTheAdminToken() {
        try (JsonHttpClient anonymous = manager.http(Map.of()); JsonHttpClient wrong = manager.http(Map.of("Authorization", "Bearer nope"))) {
            assertThat(refusal(() -> anonymous.get(AdminApi.DEVICES, JsonNode.class))).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(refusal(() -> wrong.post(AdminApi.KEYS, Map.of(), JsonNode.class))).isEqualTo(ErrorCode.UNAUTHENTICATED);
        }
    }

    @Test
    void aRestartKeepsTheCaTokenAndDevices() throws Exception {
        DeviceCredentials device = enroll("laptop", manager.singleUseKey());
        var fingerprint = manager.caFingerprint();
        String token = Files.readString(manager.dataDir.resolve("admin.token"));
        manager.stop();
        manager.start();
        assertThat(manager.caFingerprint()).isEqualTo(fingerprint);
        assertThat(Files.readString(manager.dataDir.resolve("admin.token"))).isEqualTo(token);
        assertThat(devices()).extracting(Device::id).containsExactly(device.deviceId());
        // The device's stored server URL points at the old port; it still trusts the same CA on the new one.
        DeviceCredentials moved = new DeviceCredentials(device.deviceId(), device.name(), manager.url(), device.caFingerprint(),
                device.privateKey(), device.chain(), device.token(), device.settings(), device.enrolledAt());
        assertThat(new CertificateRenewal(store("laptop"), clients, Clock.systemUTC()).refreshToken(moved).token()).isNotNull();
    }

    @Test
    void metricsCountEnrollmentsAndFailuresByReason() throws Exception {
        enroll("laptop", manager.singleUseKey());
        EnrollmentLink link = manager.singleUseKey();
        refusal(() -> enroll("x", new EnrollmentLink(link.server(), "kzzzzzzzzzzzz.0123456789abcdefghijklmnopqrstuvwxyz012345", link.caFingerprint())));
        String metrics = new String(manager.server().services().metrics().scrape());
        assertThat(metrics).contains("braid_enrollments_total 1.0").contains("braid_enrollment_failures_total{reason=\"key_unknown\"} 1.0");
        HttpClient raw = HttpClient.newBuilder().sslContext(io.braid.core.pki.TlsContexts.anonymous(
                io.braid.core.pki.PinnedCaTrust.forFingerprint(manager.caFingerprint()))).build();
        String scraped = raw.send(HttpRequest.newBuilder(manager.url().resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scraped).contains("braid_http_requests_total{route=\"/api/v1/enroll\",status=\"201\"}");
    }

    private X509CRL crl() throws Exception {
        HttpClient raw = HttpClient.newBuilder().sslContext(io.braid.core.pki.TlsContexts.anonymous(
                io.braid.core.pki.PinnedCaTrust.forFingerprint(manager.caFingerprint()))).build();
        byte[] der = raw.send(HttpRequest.newBuilder(manager.url().resolve(ManagerApi.CRL)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }
}

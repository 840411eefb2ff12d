package io.braid.server.testing;

import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.http.JsonHttpClient;
import io.braid.core.pki.Fingerprint;
import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import io.braid.core.testing.MutableClock;
import io.braid.server.ManagerServer;
import io.braid.server.accounts.AccountService;
import io.braid.server.audit.AuditLog;
import io.braid.server.auth.AdminToken;
import io.braid.server.config.ServerConfig;
import io.braid.server.enroll.EnrollmentKeyService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real manager on a loopback port with a temporary data directory and a clock the test controls:
 * the fixture every manager, CLI and client integration test starts from.
 */
public final class RunningManager implements AutoCloseable {
    public final Path dataDir;
    public final MutableClock clock;
    /** A free port number for a headend tests may start next to this manager (devices are told this one). */
    public final int headendPort = freePort();
    private final Duration eventHeartbeat;
    private ManagerServer server;

    public RunningManager() {
        this(tempDir(), MutableClock.startingNow());
    }

    public RunningManager(Path dataDir, MutableClock clock) {
        this(dataDir, clock, Duration.ofSeconds(15));
    }

    /** A manager whose live event streams send heartbeats this often. */
    public RunningManager(Duration eventHeartbeat) {
        this(tempDir(), MutableClock.startingNow(), eventHeartbeat);
    }

    private RunningManager(Path dataDir, MutableClock clock, Duration eventHeartbeat) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.eventHeartbeat = eventHeartbeat;
        start();
    }

    public static ServerConfig config(Path dataDir, int port, int headendPort) {
        return new ServerConfig(dataDir, List.of("127.0.0.1"), "127.0.0.1", port, headendPort,
                List.of("198.18.10.0/24"), List.of(), List.of(), ServerConfig.DEFAULT_OVERLAY_POOL, ServerConfig.DEFAULT_TUNNEL_MTU);
    }

    /** (Re)starts the server on the same data directory. */
    public void start() {
        try {
            server = ManagerServer.start(config(dataDir, 0, headendPort), clock, eventHeartbeat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        server.close();
    }

    public ManagerServer server() {
        return server;
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.port() + "/");
    }

    public Fingerprint caFingerprint() {
        return Fingerprint.of(server.services().pki().ca().root());
    }

    /** Creates a key through the service, as an admin would, and returns its link. */
    public EnrollmentLink newKey(EnrollmentKeyService.CreateRequest request) {
        return EnrollmentLink.parse(server.services().keys().create(request, new AuditLog.Actor("admin", "test")).link());
    }

    public EnrollmentLink singleUseKey() {
        return newKey(new EnrollmentKeyService.CreateRequest("test", false, null, 3600L, List.of("staff")));
    }

    /** An anonymous HTTPS client pinned to this server's CA, with extra headers (an admin token, say). */
    public JsonHttpClient http(Map<String, String> headers) {
        PinnedCaTrust trust = PinnedCaTrust.forFingerprint(caFingerprint());
        return new JsonHttpClient(url(), TlsContexts.anonymous(trust), trust, Duration.ofSeconds(10), headers);
    }

    public JsonHttpClient admin() {
        return http(Map.of("Authorization", "Bearer " + adminToken()));
    }

    public String adminToken() {
        try {
            return AdminToken.read(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a console account through the service, as `braid-server accounts create` would, with a known password. */
    public ConsoleClient.Credentials account(String username, String role) {
        String password = "pw-" + username + "-long-enough";
        var created = server.services().accounts().create(new AccountService.CreateRequest(username, role, password),
                new AuditLog.Actor("admin", "test"));
        return new ConsoleClient.Credentials(created.account().id(), username, password, created.secondFactor().totpSecret());
    }

    @Override
    public void close() {
        stop();
        deleteTree(dataDir);
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("braid-manager-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}

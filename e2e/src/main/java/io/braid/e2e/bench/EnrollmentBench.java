package io.braid.e2e.bench;

import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.http.JsonHttpClient;
import io.braid.core.json.Json;
import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import io.braid.core.store.CredentialStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enrollment throughput and latency against a real {@code braid-server} process on its embedded store:
 * C client threads each enroll devices through the same code path as {@code braid enroll} (key pair,
 * CSR, a new pinned TLS 1.3 connection, the manager's transaction, checks, an atomic credential write).
 * The reference, measured in the same run with the same concurrency, is the ceiling of the stack under
 * it: a new TLS 1.3 connection per request to GET /healthz.
 *
 * <p>Usage: {@code EnrollmentBench SERVER_JAR TOTAL CONCURRENCY}.
 */
public final class EnrollmentBench {
    private EnrollmentBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int total = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Path work = Files.createTempDirectory("braid-enroll-bench-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(), "serve",
                "--data-dir", work.resolve("server").toString(), "--public-host", "127.0.0.1", "--bind", "127.0.0.1",
                "--port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
        try {
            Path dataDir = work.resolve("server");
            waitForServer(dataDir, server);
            EnrollmentLink link = createKey(server, jar, dataDir, total + concurrency * 2);
            URI base = URI.create("https://127.0.0.1:" + port + "/");
            // Warm both paths (JIT, connection setup) before measuring.
            measure("warm-up", Math.max(concurrency * 4, 200), concurrency, i -> healthz(base, link));
            measure("warm-up", concurrency * 2, concurrency, i -> enroll(link, work.resolve("warm-" + i)));
            Result reference = measure("reference: GET /healthz, new TLS 1.3 connection each", total, concurrency, i -> healthz(base, link));
            Result enroll = measure("enrollment (braid enroll code path)", total, concurrency, i -> enroll(link, work.resolve("c-" + i)));
            System.out.printf("%n| what | requests | concurrency | throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) |%n");
            System.out.printf("|---|---|---|---|---|---|---|%n");
            for (Result r : List.of(reference, enroll)) {
                System.out.printf("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f |%n", r.name, r.latencies.count(), concurrency, r.perSecond,
                        r.latencies.millis(50), r.latencies.millis(95), r.latencies.millis(99));
            }
            System.out.printf("%nenrollment throughput is %.0f%% of the TLS-handshake reference; p95 %.1f ms (goal < 50 ms)%n",
                    100.0 * enroll.perSecond / reference.perSecond, enroll.latencies.millis(95));
        } finally {
            server.destroy();
            server.waitFor();
            deleteTree(work);
        }
    }

    private record Result(String name, double perSecond, Percentiles latencies) {}

    @FunctionalInterface
    private interface Op {
        void run(int i) throws Exception;
    }

    private static Result measure(String name, int total, int concurrency, Op op) throws Exception {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long start = System.nanoTime();
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        op.run(i);
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(name, total / seconds, new Percentiles(latencies));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void enroll(EnrollmentLink link, Path stateDir) {
        new Enrollment(new CredentialStore(stateDir), ManagerClients.standard(), Clock.systemUTC()).enroll(link, "bench", "linux", false);
    }

    private static void healthz(URI base, EnrollmentLink link) {
        PinnedCaTrust trust = PinnedCaTrust.forFingerprint(link.caFingerprint());
        try (JsonHttpClient http = new JsonHttpClient(base, TlsContexts.anonymous(trust), trust, Duration.ofSeconds(15), Map.of())) {
            http.get("/healthz", Map.class);
        }
    }

    private static void waitForServer(Path dataDir, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(dataDir.resolve("server.json"))) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("braid-server did not start");
            }
            Thread.sleep(100);
        }
    }

    private static EnrollmentLink createKey(Process server, Path jar, Path dataDir, int uses) throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(), "keys", "create",
                "--data-dir", dataDir.toString(), "--reusable", "--max-uses", Integer.toString(uses), "--json").start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keys create failed: " + new String(p.getErrorStream().readAllBytes()));
        }
        return EnrollmentLink.parse(Json.lenient().readTree(out).get("link").asText());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

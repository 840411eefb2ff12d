package io.braid.e2e.bench;

import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.http.JsonHttpClient;
import io.braid.core.json.Json;
import io.braid.core.manager.ManagerApi;
import io.braid.core.pki.CertificateRequests;
import io.braid.core.pki.KeyPairs;
import io.braid.core.pki.Pem;
import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enrollment throughput and latency of a real {@code braid-server} process on its embedded store.
 *
 * <p>C simulated devices enroll in a closed loop. Each enrollment is what a device puts on the wire: a
 * new TLS 1.3 connection (its own SSLContext, so no session resumption) pinned to the CA, and the
 * enrollment POST with a CSR. Key pairs and CSRs are made before the clock starts: that work happens on
 * the devices, not on the manager, and on this shared 2-core machine the load generator must not eat
 * the manager's CPU. The reference, in the same run and with the same concurrency, is the same new
 * connection carrying GET /healthz: the ceiling of the TLS and HTTP stack under the manager.
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
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        // Extra JVM options for the server only (a profiler, say): BRAID_BENCH_SERVER_JAVA_OPTS.
        String extra = System.getenv("BRAID_BENCH_SERVER_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--data-dir", work.resolve("server").toString(),
                "--public-host", "127.0.0.1", "--bind", "127.0.0.1", "--port", Integer.toString(port), "--role", "manager"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
        try {
            Path dataDir = work.resolve("server");
            waitForServer(dataDir, server);
            int warmUp = Math.max(concurrency * 4, 200);
            EnrollmentLink link = createKey(jar, dataDir, total + warmUp);
            URI base = URI.create("https://127.0.0.1:" + port + "/");
            String[] csrs = new String[total + warmUp];
            for (int i = 0; i < csrs.length; i++) {
                csrs[i] = Pem.encode(CertificateRequests.create(KeyPairs.p256(), "bench-" + i));
            }
            measure(warmUp, concurrency, i -> healthz(base, link));
            measure(warmUp, concurrency, i -> enroll(base, link, csrs[total + i]));
            Result reference = measure(total, concurrency, i -> healthz(base, link));
            Result enroll = measure(total, concurrency, i -> enroll(base, link, csrs[i]));
            System.out.printf("%n| what | requests | concurrency | throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) |%n");
            System.out.printf("|---|---|---|---|---|---|---|%n");
            row("reference: new TLS 1.3 connection + GET /healthz", reference, concurrency);
            row("enrollment: new TLS 1.3 connection + POST /api/v1/enroll", enroll, concurrency);
            System.out.printf("%nenrollment throughput = %.0f%% of the reference; enrollment p95 = %.1f ms (goal < 50 ms)%n",
                    100.0 * enroll.perSecond / reference.perSecond, enroll.latencies.millis(95));
        } finally {
            server.destroy();
            server.waitFor();
            deleteTree(work);
        }
    }

    private record Result(double perSecond, Percentiles latencies) {}

    @FunctionalInterface
    private interface Op {
        void run(int i) throws Exception;
    }

    private static void row(String name, Result r, int concurrency) {
        System.out.printf("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f |%n", name, r.latencies.count(), concurrency, r.perSecond,
                r.latencies.millis(50), r.latencies.millis(95), r.latencies.millis(99));
    }

    private static Result measure(int total, int concurrency, Op op) throws Exception {
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
            return new Result(total / seconds, new Percentiles(latencies));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A device's view: a fresh TLS context (no resumption), pinned to the CA fingerprint from its link. */
    private static JsonHttpClient device(URI base, EnrollmentLink link) {
        PinnedCaTrust trust = PinnedCaTrust.forFingerprint(link.caFingerprint());
        return new JsonHttpClient(base, TlsContexts.anonymous(trust), trust, Duration.ofSeconds(30), Map.of("Connection", "close"));
    }

    private static void enroll(URI base, EnrollmentLink link, String csr) {
        var response = device(base, link).post(ManagerApi.ENROLL, new ManagerApi.EnrollRequest(link.key(), csr, "bench", "linux"),
                ManagerApi.EnrollResponse.class);
        if (response.deviceId() == null || response.certificate() == null) {
            throw new IllegalStateException("incomplete enrollment answer");
        }
    }

    private static void healthz(URI base, EnrollmentLink link) {
        device(base, link).get("/healthz", Map.class);
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

    private static EnrollmentLink createKey(Path jar, Path dataDir, int uses) throws Exception {
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

package io.braid.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.json.Json;
import io.braid.server.ca.ServerPki;
import io.braid.server.testing.RunningManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real browser: Debian's chromium (headless) driven by playwright-core from npm,
 * against a real manager. The script (src/test/playwright/console.test.mjs) signs in, creates a key,
 * watches a device enroll live, revokes it, checks the audit entry and its CSV export, checks that a
 * viewer is refused by the API and that CSRF and cookie-less requests are, and measures page load.
 * Skipped, saying why, where chromium or node is missing; .ci/run installs both.
 *
 * <p>Screenshots go to target/console-screenshots, or to the folder named by the system property
 * {@code braid.console.screenshots} (the README's images: {@code -Dbraid.console.screenshots=../docs/screenshots}).
 */
class ConsoleBrowserTest {
    private static final Path PLAYWRIGHT = Path.of("src/test/playwright");

    @TempDir
    Path tmp;

    @Test
    void signInCreateKeyEnrollLiveRevokeAuditAndRefusals() throws Exception {
        Path chromium = Path.of(Optional.ofNullable(System.getenv("BRAID_CHROMIUM")).orElse("/usr/bin/chromium"));
        Assumptions.assumeTrue(Files.isExecutable(chromium),
                "skipped: no chromium at " + chromium + " (apt-get install chromium, or set BRAID_CHROMIUM)");
        Optional<Path> node = onPath("node");
        Assumptions.assumeTrue(node.isPresent(), "skipped: no node on PATH (apt-get install nodejs npm)");
        installPlaywrightCore();

        Path target = Path.of("target", "console-browser");
        Files.createDirectories(target);
        Path results = target.resolve("results.json");
        Files.deleteIfExists(results);
        Path screenshots = Path.of(System.getProperty("braid.console.screenshots", "target/console-screenshots"));
        try (RunningManager manager = new RunningManager(); BrowserTestDriver driver = new BrowserTestDriver(manager, tmp.resolve("devices"))) {
            X509Certificate leaf = manager.server().services().pki().managerChain().getFirst();
            String spki = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(leaf.getPublicKey().getEncoded()));
            ProcessBuilder pb = new ProcessBuilder(node.get().toString(), "console.test.mjs")
                    .directory(PLAYWRIGHT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(target.resolve("node.log").toFile());
            pb.environment().putAll(Map.of(
                    "BRAID_URL", manager.url().toString(),
                    "BRAID_SPKI", spki,
                    "BRAID_ADMIN_TOKEN", manager.adminToken(),
                    "BRAID_DRIVER_URL", driver.url(),
                    "BRAID_CHROMIUM", chromium.toString(),
                    "BRAID_USER_DATA_DIR", Files.createDirectories(tmp.resolve("profile")).toString(),
                    "BRAID_SCREENSHOTS", screenshots.toAbsolutePath().toString(),
                    "BRAID_RESULTS", results.toAbsolutePath().toString()));
            // Node itself (Playwright's request API) trusts the manager through Braid's root, as the CLI does.
            pb.environment().put("NODE_EXTRA_CA_CERTS", ServerPki.rootCertificate(manager.dataDir).toAbsolutePath().toString());
            Process p = pb.start();
            boolean finished = p.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String log = Files.readString(target.resolve("node.log"));
            System.out.println(log);
            assertThat(finished).as("browser test finished within 5 minutes:\n" + log).isTrue();
            assertThat(p.exitValue()).as("browser test failed:\n" + log).isZero();
        }
        JsonNode r = Json.lenient().readTree(results.toFile());
        assertThat(r.get("ok").asBoolean()).isTrue();
        double median = r.get("pageLoad").get("overviewMedianMs").asDouble();
        System.out.printf("console page load: overview median %.0f ms, max %.0f ms (runs %s); first visit (sign-in page, empty cache) %.0f ms%n", median,
                r.get("pageLoad").get("overviewMaxMs").asDouble(), r.get("pageLoad").get("overviewRunsMs"),
                r.get("pageLoad").get("coldSignInMs").asDouble());
        assertThat(median).isLessThan(1000);
    }

    /** playwright-core at the locked version in node_modules, installed with {@code npm ci} when missing. */
    private static void installPlaywrightCore() throws IOException, InterruptedException {
        JsonNode lock = Json.lenient().readTree(PLAYWRIGHT.resolve("package-lock.json").toFile());
        String wanted = lock.get("packages").get("node_modules/playwright-core").get("version").asText();
        Path installed = PLAYWRIGHT.resolve("node_modules/playwright-core/package.json");
        if (Files.exists(installed) && Json.lenient().readTree(installed.toFile()).get("version").asText().equals(wanted)) {
            return;
        }
        Optional<Path> npm = onPath("npm");
        Assumptions.assumeTrue(npm.isPresent(), "skipped: playwright-core is not installed and there is no npm (apt-get install npm)");
        Process p = new ProcessBuilder(npm.get().toString(), "ci", "--no-audit", "--no-fund").directory(PLAYWRIGHT.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0).as("npm ci in " + PLAYWRIGHT + ":\n" + out).isTrue();
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

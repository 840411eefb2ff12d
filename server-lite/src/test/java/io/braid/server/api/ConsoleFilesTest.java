package io.braid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.server.testing.ConsoleClient;
import io.braid.server.testing.ConsoleClient.Reply;
import io.braid.server.testing.RunningManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console is served from the jar with a strict CSP, revalidated caching, and nothing but its own files. */
class ConsoleFilesTest {
    private static RunningManager manager;
    private static ConsoleClient browser;

    @BeforeAll
    static void start() {
        manager = new RunningManager();
        browser = new ConsoleClient(manager);
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void theRootLeadsToTheConsolePageWithAStrictPolicy() {
        Reply root = browser.get("/");
        assertThat(root.status()).isIn(301, 302, 303, 307, 308);
        assertThat(root.headers().firstValue("location").orElseThrow()).endsWith("/console/");
        Reply page = browser.get("/console/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
        assertThat(page.text()).contains("<script type=\"module\" src=\"app.js\"></script>").doesNotContain("http://").doesNotContain("https://");
        String csp = page.headers().firstValue("content-security-policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(page.headers().firstValue("strict-transport-security")).isPresent();
    }

    @Test
    void filesRevalidateWithTheirEtag() {
        Reply js = browser.get("/console/app.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.headers().firstValue("content-type").orElseThrow()).startsWith("text/javascript");
        assertThat(js.headers().firstValue("cache-control")).hasValue("no-cache");
        String etag = js.headers().firstValue("etag").orElseThrow();
        browser.extraHeaders.put("If-None-Match", etag);
        try {
            assertThat(browser.get("/console/app.js").status()).isEqualTo(304);
        } finally {
            browser.extraHeaders.clear();
        }
    }

    @Test
    void nothingButConsoleFilesIsServed() {
        for (String path : List.of("/console/../logback.xml", "/console/%2e%2e/logback.xml", "/console/db/migration/V1__manager.sql",
                "/console/App.js", "/console/missing.js", "/console/app.js.map", "/console/.hidden.js")) {
            Reply r = browser.get(path);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.text()).doesNotContain("CREATE TABLE").doesNotContain("<configuration");
        }
    }

    @Test
    void apiAnswersAreNeverCached() {
        Reply health = browser.get("/healthz");
        assertThat(health.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(health.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    }
}

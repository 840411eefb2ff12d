package io.braid.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.json.Json;
import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import io.braid.server.accounts.Totp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser as the manager sees one: keeps the console cookies it is given, sends them back, and on
 * state changes adds the Origin and the CSRF header the console's script would. Each of those can be
 * left out or falsified, which is what the CSRF tests do.
 */
public final class ConsoleClient {
    public static final String SESSION_COOKIE = "__Host-braid_session";
    public static final String CSRF_COOKIE = "__Host-braid_csrf";
    public static final String CSRF_HEADER = "X-Braid-CSRF";

    private final RunningManager manager;
    private final HttpClient http;
    public final Map<String, String> cookies = new LinkedHashMap<>();
    /** Null to send no Origin header. */
    public String origin;
    /** Null to send no CSRF header; by default the CSRF cookie's value. */
    public String csrfOverride;
    public boolean sendCsrf = true;
    public final Map<String, String> extraHeaders = new LinkedHashMap<>();

    /** An account the test made, with what signs it in. */
    public record Credentials(String id, String username, String password, String totpSecret) {}

    /** An answer: status, headers and the body as JSON (null if it is not JSON). */
    public record Reply(int status, HttpHeaders headers, String text, JsonNode json) {
        public String error() {
            return json == null || json.get("error") == null ? null : json.get("error").asText();
        }

        public List<String> setCookies() {
            return headers.allValues("set-cookie");
        }
    }

    public ConsoleClient(RunningManager manager) {
        this.manager = manager;
        this.origin = "https://127.0.0.1:" + manager.server().port();
        this.http = HttpClient.newBuilder().sslContext(TlsContexts.anonymous(PinnedCaTrust.forFingerprint(manager.caFingerprint())))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Reply signInWithToken() {
        return send("POST", "/api/v1/session/token", Map.of("token", manager.adminToken()));
    }

    public Reply signIn(Credentials c) {
        return send("POST", "/api/v1/session", Map.of("username", c.username(), "password", c.password(),
                "code", Totp.codeAt(c.totpSecret(), manager.clock.instant())));
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, Object body) {
        try {
            HttpResponse<InputStream> r = http.send(request(method, path, body).build(), HttpResponse.BodyHandlers.ofInputStream());
            remember(r.headers());
            String type = r.headers().firstValue("content-type").orElse("");
            String text;
            try (InputStream in = r.body()) {
                // An event stream never ends: the status and headers are all a permission test needs.
                text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode json = type.startsWith("application/json") ? Json.lenient().readTree(text) : null;
            return new Reply(r.statusCode(), r.headers(), text, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request as this client would send it, for callers that want to read a stream themselves. */
    public HttpRequest.Builder request(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(manager.url().toString()).resolve(path)).timeout(Duration.ofSeconds(20));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        boolean changes = !method.equals("GET");
        if (changes && origin != null) {
            b.header("Origin", origin);
        }
        String csrf = csrfOverride != null ? csrfOverride : cookies.get(CSRF_COOKIE);
        if (changes && sendCsrf && csrf != null) {
            b.header(CSRF_HEADER, csrf);
        }
        extraHeaders.forEach(b::header);
        byte[] bytes = body == null ? null : json(body);
        if (bytes != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    public HttpClient http() {
        return http;
    }

    private void remember(HttpHeaders headers) {
        for (String cookie : headers.allValues("set-cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static byte[] json(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Json.lenient().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

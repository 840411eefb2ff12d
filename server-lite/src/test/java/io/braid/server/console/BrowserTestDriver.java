package io.braid.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.json.Json;
import io.braid.core.store.CredentialStore;
import io.braid.server.testing.RunningManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What the browser script cannot do itself, on a loopback HTTP port only it knows: enroll a device with
 * Braid's real enrollment client (a new key pair, CSR, pinned TLS), and read or move the manager's clock
 * (so TOTP codes are computed for the manager's time, and a second sign-in gets a fresh code).
 */
final class BrowserTestDriver implements AutoCloseable {
    private final HttpServer server;
    private final RunningManager manager;
    private final Path devices;

    BrowserTestDriver(RunningManager manager, Path devices) throws IOException {
        this.manager = manager;
        this.devices = devices;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/now", ex -> reply(ex, Map.of("epochSeconds", manager.clock.instant().getEpochSecond())));
        server.createContext("/advance", ex -> {
            manager.clock.advance(Duration.ofSeconds(body(ex).get("seconds").asLong()));
            reply(ex, Map.of("epochSeconds", manager.clock.instant().getEpochSecond()));
        });
        server.createContext("/enroll", ex -> {
            JsonNode b = body(ex);
            String name = b.get("name").asText();
            var enrolled = new Enrollment(new CredentialStore(this.devices.resolve(name)), new ManagerClients(Duration.ofSeconds(10)),
                    Clock.systemUTC()).enroll(EnrollmentLink.parse(b.get("link").asText()), name, "linux", false);
            reply(ex, Map.of("deviceId", enrolled.deviceId()));
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        return Json.lenient().readTree(ex.getRequestBody().readAllBytes());
    }

    private static void reply(HttpExchange ex, Object value) throws IOException {
        byte[] bytes = Json.lenient().writeValueAsBytes(value);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

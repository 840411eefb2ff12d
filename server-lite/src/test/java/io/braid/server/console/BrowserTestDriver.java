package io.braid.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.json.Json;
import io.braid.core.store.CredentialStore;
import io.braid.server.events.HeadendChanged;
import io.braid.server.events.ManagerEvents;
import io.braid.server.events.SessionChanged;
import io.braid.server.events.WanChanged;
import io.braid.server.fleet.Headend;
import io.braid.server.fleet.Session;
import io.braid.server.fleet.WanStatus;
import io.braid.server.testing.RunningManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the browser script cannot do itself, on a loopback HTTP port only it knows: enroll a device with
 * Braid's real enrollment client (a new key pair, CSR, pinned TLS); read or move the manager's clock
 * (so TOTP codes are computed for the manager's time, and a second sign-in gets a fresh code); and
 * publish the events a headend will publish (headend, session, WAN), since the headend is not built yet.
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
        // Stands in for the headend (not built yet): publishes on the manager's event bus exactly what a headend will.
        server.createContext("/headend", ex -> {
            JsonNode b = body(ex);
            ManagerEvents events = manager.server().services().events();
            Headend headend = new Headend("h-test", "edge-1", "198.18.0.1:8444", "test", Instant.now());
            String session = b.path("sessionId").asText("s-test");
            String device = b.path("deviceId").asText();
            switch (b.get("event").asText()) {
                case "headend.up" -> events.publish(new HeadendChanged(true, headend));
                case "headend.down" -> events.publish(new HeadendChanged(false, headend));
                case "session.up" -> events.publish(new SessionChanged(true, new Session(session, device, headend.id(), "100.96.0.3",
                        Instant.now(), 48_000_000, 3_000_000, List.of(new WanStatus("fiber", WanStatus.UP, 4.2, 0.0, 40_000_000L, 2_500_000L),
                        new WanStatus("lte", WanStatus.UP, 38.5, 0.4, 8_000_000L, 500_000L))), null));
                case "session.down" -> events.publish(new SessionChanged(false, new Session(session, device, headend.id(), "100.96.0.3",
                        Instant.now(), 0, 0, List.of()), "test"));
                case "wan.down" -> events.publish(new WanChanged(session, device, new WanStatus(b.get("wan").asText(), WanStatus.DOWN,
                        null, 100.0, 0L, 0L)));
                default -> throw new IllegalArgumentException(b.get("event").asText());
            }
            reply(ex, Map.of("published", b.get("event").asText()));
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

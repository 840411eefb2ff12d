package io.braid.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.api.server.LocalApiServer;
import io.braid.core.json.Json;
import io.braid.core.testing.FakeAgentService;
import io.braid.core.testing.RawLines;
import io.braid.core.testing.RunningLocalApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the agent does with lines no well-behaved client sends: answer with an error and keep serving. */
class LocalApiProtocolTest {
    @TempDir
    Path tmp;

    private static JsonNode json(String line) throws Exception {
        assertThat(line).as("an answer line").isNotNull();
        return Json.lenient().readTree(line);
    }

    private static void assertError(String line, String code, String messagePart) throws Exception {
        JsonNode node = json(line);
        assertThat(node.path("error").path("code").asText()).as(line).isEqualTo(code);
        assertThat(node.path("error").path("message").asText()).as(line).contains(messagePart);
        assertThat(node.has("result")).isFalse();
    }

    @Test
    void eachBadLineGetsAnErrorAndTheConnectionGoesOn() throws Exception {
        try (RunningLocalApi api = new RunningLocalApi(tmp); RawLines raw = api.raw()) {
            assertError(raw.send("not json").readLine(), "bad_input", "not valid JSON");
            assertError(raw.send("[1,2]").readLine(), "bad_input", "one JSON object per line");
            assertError(raw.send("{\"id\":\"1\",\"method\":\"status\"}").readLine(), "bad_input", "integer \"id\"");
            assertError(raw.send("{\"id\":3}").readLine(), "bad_input", "needs a \"method\"");
            assertError(raw.send("{\"id\":4,\"method\":\"status\",\"extra\":1}").readLine(), "bad_input", "unknown field 'extra'");
            assertError(raw.send("{\"id\":5,\"method\":\"up\",\"params\":{\"mode\":5}}").readLine(), "bad_input", "'mode'");
            assertError(raw.send("{\"id\":6,\"method\":\"up\",\"params\":{\"killSwitch\":\"maybe\"}}").readLine(), "bad_input",
                    "off, on, lockdown");
            assertError(raw.send("{\"id\":7,\"method\":\"up\",\"params\":{\"fullTunnel\":\"yes\"}}").readLine(), "bad_input",
                    "'fullTunnel'");
            assertError(raw.send("{\"id\":8,\"method\":\"down\",\"params\":{\"forse\":true}}").readLine(), "bad_input",
                    "unknown field 'forse'");
            assertError(raw.send("{\"id\":9,\"method\":\"status\",\"params\":{\"x\":1}}").readLine(), "bad_input", "takes no parameters");
            assertError(raw.send("{\"id\":10,\"method\":\"up\",\"params\":[]}").readLine(), "bad_input", "must be a JSON object");
            assertError(raw.send("{\"id\":11,\"method\":\"reboot\"}").readLine(), "bad_input", "unknown method 'reboot'");
            assertThat(json(raw.send("{\"id\":11,\"method\":\"nope\"}").readLine()).path("error").path("message").asText())
                    .contains("status, up, down, enroll, watch, logs, version, mode, wans, wan.set");

            JsonNode ok = json(raw.send("").send("{\"id\":12,\"method\":\"status\"}\r").readLine());
            assertThat(ok.path("id").asLong()).isEqualTo(12);
            assertThat(ok.path("result").path("state").asText()).isEqualTo("disconnected");
            assertThat(api.agent.calls()).extracting(c -> c.method()).containsExactly("status");
        }
    }

    @Test
    void answersCarryTheRequestIdAndExplicitWireValues() throws Exception {
        try (RunningLocalApi api = new RunningLocalApi(tmp); RawLines raw = api.raw()) {
            String line = raw.send("{\"id\":9007199254740991,\"method\":\"up\",\"params\":{\"killSwitch\":\"on\",\"wans\":[\"eth0\"]}}")
                    .readLine();
            JsonNode answer = json(line);
            assertThat(answer.path("id").asLong()).isEqualTo(9007199254740991L);
            assertThat(answer.path("result").path("state").asText()).isEqualTo("connecting");
            assertThat(answer.path("result").path("bytesIn").isNumber()).isTrue();
            assertThat(line).doesNotContain("\"error\"").doesNotContain("CONNECTING");
        }
    }

    @Test
    void anOversizeLineIsRefusedAndOnlyThatConnectionCloses() throws Exception {
        try (RunningLocalApi api = new RunningLocalApi(tmp)) {
            try (RawLines raw = api.raw()) {
                byte[] huge = ("{\"id\":1,\"method\":\"status\",\"pad\":\"" + "x".repeat(LineChannel.MAX_LINE_BYTES) + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8);
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        raw.sendBytes(huge);
                    } catch (RuntimeException ignored) {
                        // the agent may close before taking every byte
                    }
                });
                assertError(raw.readLine(), "body_too_large", "at most 65536 bytes");
                assertThat(raw.readLine()).isNull();
                writer.join();
            }
            assertThat(api.client().status().deviceId()).isEqualTo("dev-fake");
        }
    }

    @Test
    void clientsBeyondTheLimitAreToldToComeBackLater() throws Exception {
        LocalApiServer.Options two = new LocalApiServer.Options(2, 2, LineChannel.MAX_LINE_BYTES, Duration.ofSeconds(30), 64, "braid");
        try (RunningLocalApi api = new RunningLocalApi(tmp, two); RawLines first = api.raw(); RawLines second = api.raw()) {
            assertThat(json(first.send("{\"id\":1,\"method\":\"version\"}").readLine()).has("result")).isTrue();
            assertThat(json(second.send("{\"id\":1,\"method\":\"version\"}").readLine()).has("result")).isTrue();
            try (RawLines third = api.raw()) {
                assertError(third.readLine(), "rate_limited", "try again");
                assertThat(third.readLine()).isNull();
            }
            first.close();
            awaitAnswer(api);
        }
    }

    /** A freed slot is released asynchronously (when the server notices the hang-up): retry briefly. */
    private static void awaitAnswer(RunningLocalApi api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try (RawLines again = api.raw()) {
                JsonNode answer = json(again.send("{\"id\":2,\"method\":\"version\"}").readLine());
                if (answer.has("result")) {
                    return;
                }
                assertThat(System.nanoTime()).as("a slot frees up after a client leaves").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        LocalApiServer.Options quick = new LocalApiServer.Options(8, 8, LineChannel.MAX_LINE_BYTES, Duration.ofMillis(200), 64, "braid");
        try (RunningLocalApi api = new RunningLocalApi(tmp, quick); RawLines raw = api.raw()) {
            assertThat(raw.readLine(Duration.ofSeconds(5))).isNull();
        }
    }

    @Test
    void aWatcherThatStopsReadingIsDisconnectedInsteadOfFillingMemory() throws Exception {
        LocalApiServer.Options small = new LocalApiServer.Options(8, 8, LineChannel.MAX_LINE_BYTES, Duration.ofSeconds(30), 4, "braid");
        try (RunningLocalApi api = new RunningLocalApi(tmp, small); RawLines raw = api.raw()) {
            assertThat(raw.send("{\"id\":1,\"method\":\"watch\"}").readLine()).contains("\"subscribed\":true");
            assertThat(raw.readLine()).startsWith("{\"event\":\"status\"");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (int i = 0; api.agent.watchers() > 0; i++) {
                assertThat(System.nanoTime()).as("the stuck watcher is dropped").isLessThan(deadline);
                api.agent.log(LogEntry.Level.INFO, "event " + i + " " + "x".repeat(2000));
                api.agent.publish(FakeAgentService.sample(i % 2 == 0 ? ConnectionState.CONNECTED : ConnectionState.RECONNECTING));
            }
            assertThat(api.client().status()).isNotNull();
        }
    }
}

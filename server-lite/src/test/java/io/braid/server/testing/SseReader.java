package io.braid.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a server-sent event stream on a background thread into a queue of frames, the way EventSource would. */
public final class SseReader implements AutoCloseable {
    /** One frame: an event (name, id, JSON data), a comment (event null, comment set), or the end of the stream. */
    public record Frame(String event, String id, JsonNode data, String comment, boolean end) {}

    public final int status;
    public final String contentType;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    public SseReader(ConsoleClient client, String path) throws IOException, InterruptedException {
        HttpRequest request = client.request("GET", path, null).timeout(Duration.ofMinutes(5)).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> r = client.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        this.status = r.statusCode();
        this.contentType = r.headers().firstValue("content-type").orElse("");
        this.body = r.body();
        this.reader = Thread.ofVirtual().start(this::read);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (event != null || !data.isEmpty()) {
                        frames.add(new Frame(event == null ? "message" : event, id, data.isEmpty() ? null : Json.lenient().readTree(data.toString()),
                                null, false));
                    }
                    event = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(null, null, null, line.substring(1).strip(), false));
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // closed
        }
        frames.add(new Frame(null, null, null, null, true));
    }

    /** The next frame, or null if none came within the time. */
    public Frame next(Duration within) throws InterruptedException {
        return frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event frame (skipping heartbeats) named {@code event}; fails on end of stream or timeout. */
    public Frame expect(String event, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Frame f = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (f == null || f.end()) {
                throw new AssertionError("no '" + event + "' event (" + (f == null ? "timed out" : "stream ended") + ")");
            }
            if (event.equals(f.event())) {
                return f;
            }
            if (f.event() != null && !f.event().startsWith("device.") && !f.event().startsWith("key.")) {
                throw new AssertionError("expected '" + event + "' but got '" + f.event() + "': " + f.data());
            }
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
    }
}

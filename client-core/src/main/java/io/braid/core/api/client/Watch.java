package io.braid.core.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.BraidException;
import io.braid.core.api.LineChannel;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.Event;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A running {@code watch}: one connection whose event lines go to a {@link WatchListener} on a
 * virtual thread. {@link #close()} ends it cleanly from any thread; when the agent ends it instead
 * (it stopped or crashed), the listener and {@link #await()} learn why.
 */
public final class Watch implements AutoCloseable {
    private final Path socket;
    private final LineChannel lines;
    private final WatchListener listener;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean closedHere;
    private volatile RuntimeException failure;

    Watch(Path socket, LineChannel lines, WatchListener listener) {
        this.socket = socket;
        this.lines = lines;
        this.listener = listener;
        Thread.ofVirtual().name("braid-api-watch").start(this::read);
    }

    private void read() {
        RuntimeException cause = null;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                deliver(Json.lenient().readTree(line));
            }
            cause = AgentUnavailable.wentAway(socket, "stopped");
        } catch (IOException e) {
            cause = closedHere ? null : AgentUnavailable.wentAway(socket, "dropped the connection: " + e.getMessage());
        } catch (RuntimeException e) {
            cause = e; // the listener failed (stdout closed, a UI error): the watch ends with its reason
        } finally {
            failure = cause;
            closeChannel();
            listener.ended(cause instanceof BraidException b ? b : null);
            done.countDown();
        }
    }

    private void deliver(JsonNode event) {
        // Unknown event kinds are skipped: a newer agent may send more than this client knows.
        switch (event.path("event").asText()) {
            case Event.STATUS -> listener.status(LocalApiClient.decode(event.get("data"), AgentStatus.class));
            case Event.LOG -> listener.log(LocalApiClient.decode(event.get("data"), LogEntry.class));
            default -> { }
        }
    }

    /** Waits until the watch ends: returns when it was closed here, throws why when the agent ended it. */
    public void await() throws InterruptedException {
        done.await();
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops watching; the agent sees the connection close and drops the subscription. */
    @Override
    public void close() {
        closedHere = true;
        closeChannel();
    }

    private void closeChannel() {
        try {
            lines.close();
        } catch (IOException ignored) {
            // closing is all that is asked for
        }
    }
}

package io.braid.core.api.server;

import io.braid.core.api.LineChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one client is sent, in order, by one writer thread. Status changes arrive on whatever
 * thread made them (the engine's), which must never wait for a slow client; so they are queued, and
 * a client that lets {@code capacity} lines pile up is disconnected instead of growing the agent's memory.
 */
final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final byte[] END = new byte[0];

    private final LineChannel lines;
    private final BlockingQueue<byte[]> queue;
    private final Thread writer;

    Outbox(LineChannel lines, int capacity) {
        this.lines = lines;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofVirtual().name("braid-api-writer").start(this::drain);
    }

    /** Queues one message; false, and the connection is closed, when the client has stopped reading. */
    boolean send(Object message) {
        if (queue.offer(LineChannel.encode(message))) {
            return true;
        }
        log.warn("a local API client stopped reading; disconnecting it");
        closeQuietly();
        return false;
    }

    private void drain() {
        try {
            for (byte[] line = queue.take(); line != END; line = queue.take()) {
                lines.writeLine(line);
            }
        } catch (IOException | InterruptedException e) {
            closeQuietly(); // the client went away; the reader sees the closed channel and ends the connection
        }
    }

    /** Lets what is queued go out (for at most {@code grace}), then stops the writer. */
    void finish(Duration grace) {
        if (!queue.offer(END)) {
            writer.interrupt();
        }
        try {
            if (!writer.join(grace)) {
                writer.interrupt();
            }
        } catch (InterruptedException e) {
            writer.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            lines.close();
        } catch (IOException ignored) {
            // already broken; closing is all that was wanted
        }
    }
}

package io.braid.core.api;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a channel when time runs out. A blocking {@code SocketChannel} has no read timeout, so the
 * way to bound a wait is to close the channel from elsewhere; the blocked read then fails and the
 * caller asks {@link #expired()} whether that was the reason.
 */
public final class Deadline implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> task;
    private volatile boolean expired;

    private Deadline(Duration timeout, Closeable target) {
        this.task = TIMER.schedule(() -> {
            expired = true;
            try {
                target.close();
            } catch (IOException ignored) {
                // Closing is the whole point; a failure to close leaves nothing more to do.
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public static Deadline after(Duration timeout, Closeable target) {
        return new Deadline(timeout, target);
    }

    public boolean expired() {
        return expired;
    }

    /** Disarms the deadline; the channel stays open if it has not expired yet. */
    @Override
    public void close() {
        task.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon().name("braid-api-deadlines").unstarted(r));
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}

package io.braid.server.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's in-process event bus. Services publish after their change is committed (so nobody
 * hears of a change that was rolled back); two kinds of receivers:
 * <ul>
 *   <li>{@linkplain #listen listeners} run inline on the publisher's thread, in publish order, before any
 *       subscriber sees the event: for in-memory state that must never lag (the fleet view behind
 *       snapshots). They must be quick and must not block.</li>
 *   <li>{@linkplain #subscribe subscriptions} each get a bounded queue that drops its oldest event when
 *       full, so a slow reader (a stalled browser) can never hold up a publisher or grow memory; the
 *       reader learns how many it missed and re-syncs from a snapshot.</li>
 * </ul>
 * Publishing is serialised, so every receiver sees events in the same order, numbered by {@code seq}.
 */
public final class ManagerEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ManagerEvents.class);

    /** An event as delivered: its place in the sequence and when it was published. */
    public record Published(long seq, Instant at, ManagerEvent event) {}

    private final Clock clock;
    private final List<Consumer<ManagerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private long seq;
    private boolean closed;

    public ManagerEvents(Clock clock) {
        this.clock = clock;
    }

    public synchronized void publish(ManagerEvent event) {
        if (closed) {
            return;
        }
        Published published = new Published(++seq, clock.instant(), event);
        for (Consumer<ManagerEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // One broken listener must not stop the change being announced to everyone else.
                log.error("event listener failed on {}", event.type(), e);
            }
        }
        for (Subscription s : subscriptions) {
            s.offer(published);
        }
    }

    /** Adds an inline listener (see the class comment for its obligations). */
    public void listen(Consumer<ManagerEvent> listener) {
        listeners.add(listener);
    }

    /** A new subscription holding at most {@code capacity} undelivered events; close it when done. */
    public synchronized Subscription subscribe(int capacity) {
        Subscription s = new Subscription(capacity, subscriptions::remove);
        if (closed) {
            s.close();
        } else {
            subscriptions.add(s);
        }
        return s;
    }

    public int subscriberCount() {
        return subscriptions.size();
    }

    /** The number of the last event published (0 before the first). */
    public synchronized long lastSeq() {
        return seq;
    }

    /** Ends every subscription (their readers return at once) and ignores later publishes: the server is stopping. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Subscription s : List.copyOf(subscriptions)) {
            s.close();
        }
    }
}

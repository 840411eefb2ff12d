package io.braid.core.agent;

import io.braid.core.api.Subscription;
import io.braid.core.api.messages.LogEntry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's recent events for people: the last {@code capacity} entries for {@code logs}, live ones
 * for {@code watch}, each also written to the agent's log. Messages are written for users and must
 * never contain secrets.
 */
public final class EventLog {
    private static final Logger log = LoggerFactory.getLogger("io.braid.agent");

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<LogEntry> entries;
    private final Listeners<LogEntry> listeners = new Listeners<>();

    public EventLog(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
        this.entries = new ArrayDeque<>(capacity);
    }

    public void info(String message) {
        add(LogEntry.Level.INFO, message);
    }

    public void warn(String message) {
        add(LogEntry.Level.WARN, message);
    }

    public void error(String message) {
        add(LogEntry.Level.ERROR, message);
    }

    public synchronized void add(LogEntry.Level level, String message) {
        LogEntry entry = new LogEntry(clock.instant(), level, message);
        switch (level) {
            case INFO -> log.info(message);
            case WARN -> log.warn(message);
            case ERROR -> log.error(message);
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
        listeners.publish(entry);
    }

    /** Oldest first. */
    public synchronized List<LogEntry> recent() {
        return List.copyOf(entries);
    }

    public Subscription subscribe(Consumer<LogEntry> listener) {
        return listeners.add(listener);
    }
}

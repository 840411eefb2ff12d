package io.braid.core.agent;

import io.braid.core.api.Subscription;
import io.braid.core.api.messages.AgentStatus;
import java.util.function.Consumer;

/**
 * The agent's current status and everyone watching it. A new subscriber gets the current status
 * first, then each change; both happen under one lock, so no change can slip in between the snapshot
 * and the subscription, and every listener sees changes in the order they were made.
 */
public final class StatusBroadcaster {
    private final Listeners<AgentStatus> listeners = new Listeners<>();
    private AgentStatus current;

    public StatusBroadcaster(AgentStatus initial) {
        this.current = initial;
    }

    public synchronized AgentStatus current() {
        return current;
    }

    /** Makes {@code next} current and tells the listeners, unless nothing changed. */
    public synchronized void publish(AgentStatus next) {
        if (next.equals(current)) {
            return;
        }
        current = next;
        listeners.publish(next);
    }

    public synchronized Subscription subscribe(Consumer<AgentStatus> listener) {
        listener.accept(current);
        return listeners.add(listener);
    }

    /** How many listeners are subscribed (tests check that a closed watch unsubscribes). */
    public int subscribers() {
        return listeners.size();
    }
}

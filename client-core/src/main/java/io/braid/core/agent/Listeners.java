package io.braid.core.agent;

import io.braid.core.api.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The subscribers of one kind of event. A listener that throws is logged and kept: one bad client must not starve the others. */
final class Listeners<T> {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

    Subscription add(Consumer<T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(T event) {
        for (Consumer<T> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("a subscriber of agent events failed: {}", e.toString());
            }
        }
    }

    int size() {
        return listeners.size();
    }
}

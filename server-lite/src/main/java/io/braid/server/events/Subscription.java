package io.braid.server.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One reader's queue of events: bounded, dropping the oldest when full (the newest state matters
 * most to a live view), counting what it dropped so the reader can re-sync instead of showing a
 * silently wrong picture.
 */
public final class Subscription implements AutoCloseable {
    private final int capacity;
    private final Consumer<Subscription> onClose;
    private final ArrayDeque<ManagerEvents.Published> queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private long dropped;
    private boolean closed;

    Subscription(int capacity, Consumer<Subscription> onClose) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.onClose = onClose;
        this.queue = new ArrayDeque<>(Math.min(capacity, 64));
    }

    void offer(ManagerEvents.Published event) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (queue.size() == capacity) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(event);
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next event, waiting up to {@code timeout}; null if none came in time or the subscription is
     * closed (check {@link #isClosed()}).
     */
    public ManagerEvents.Published poll(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = ready.awaitNanos(nanos);
            }
            return closed ? null : queue.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** How many events were dropped since the last call, resetting the count. */
    public long takeDropped() {
        lock.lock();
        try {
            long n = dropped;
            dropped = 0;
            return n;
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        onClose.accept(this);
    }
}

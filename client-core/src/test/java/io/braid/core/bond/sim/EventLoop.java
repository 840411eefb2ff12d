package io.braid.core.bond.sim;

import java.util.PriorityQueue;

/** Simulated time: actions run in time order (first scheduled first among equals); nothing waits for real. */
final class EventLoop {
    private record Event(long at, long seq, Runnable action) {}

    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    long now() {
        return now;
    }

    void at(long atNanos, Runnable action) {
        queue.add(new Event(Math.max(atNanos, now), seq++, action));
    }

    /** Runs every event up to and including {@code endNanos}; the clock then stands at {@code endNanos}. */
    void runUntil(long endNanos) {
        while (!queue.isEmpty() && queue.peek().at <= endNanos) {
            Event e = queue.poll();
            now = e.at;
            e.action.run();
        }
        now = endNanos;
    }
}

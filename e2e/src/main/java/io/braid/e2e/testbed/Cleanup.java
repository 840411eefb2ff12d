package io.braid.e2e.testbed;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the testbed made, undone in reverse order: every step runs even when an earlier one fails,
 * and the first failure is thrown at the end with the others attached.
 */
final class Cleanup implements AutoCloseable {
    private final Deque<AutoCloseable> steps = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T push(T step) {
        steps.push(step);
        return step;
    }

    synchronized void remove(AutoCloseable step) {
        steps.remove(step);
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!steps.isEmpty()) {
            try {
                steps.pop().close();
            } catch (Exception e) {
                if (failure == null) failure = new IllegalStateException("testbed clean-up failed", e);
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}

package io.braid.core.tun;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets reads and writes run concurrently while guaranteeing that a descriptor is released only
 * after every call using it has left, so a closing device never frees a handle that another
 * thread is still blocked on (which could then be reused by an unrelated file).
 *
 * <p>Protocol for an implementation: each I/O call brackets itself with {@link #enter()} and
 * {@link #exit()}; {@code close()} calls {@link #startClose()}, wakes blocked callers (a write to
 * its wake descriptor or event), then {@link #awaitIdle()} and releases the handles.
 *
 * <p>It is a counter, not a lock: one atomic increment and decrement per packet, because this sits
 * on the hot path of every TUN read and write.
 */
public final class CloseGate {
    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean closing;

    /** Admits one I/O call, or throws if the device is closing or closed. */
    public void enter() throws ClosedChannelException {
        inside.incrementAndGet();
        if (closing) {
            inside.decrementAndGet();
            throw new ClosedChannelException();
        }
    }

    public void exit() {
        inside.decrementAndGet();
    }

    /** True once close has started: blocked callers use it to tell a wake-up from data. */
    public boolean isClosing() {
        return closing;
    }

    /** Marks the device closing; false if another thread already did (close is idempotent). */
    public synchronized boolean startClose() {
        if (closing) return false;
        closing = true;
        return true;
    }

    /** Waits until no admitted call is still inside; after that the caller owns the handles. */
    public void awaitIdle() {
        // Callers were woken before this is called, so the wait is short: a poll(2) return away.
        while (inside.get() > 0) LockSupport.parkNanos(100_000);
    }
}

package io.braid.core.tun;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets reads and writes run concurrently while guaranteeing that a descriptor is released only
 * after every call using it has left, so a closing device never frees a handle that another
 * thread is still blocked on (which could then be reused by an unrelated file).
 *
 * <p>Protocol for an implementation: each I/O call brackets itself with {@link #enter()} and
 * {@link #exit()}; {@code close()} calls {@link #startClose()}, wakes blocked callers (a write to
 * its wake descriptor or event), then {@link #awaitIdle()}, releases the handles and {@link #finishClose()}.
 */
public final class CloseGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closing;

    /** Admits one I/O call, or throws if the device is closing or closed. */
    public void enter() throws ClosedChannelException {
        if (closing) throw new ClosedChannelException();
        lock.readLock().lock();
        if (closing) {
            lock.readLock().unlock();
            throw new ClosedChannelException();
        }
    }

    public void exit() {
        lock.readLock().unlock();
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

    /** Waits until no admitted call is still inside; the caller then owns the handles. */
    public void awaitIdle() {
        lock.writeLock().lock();
    }

    public void finishClose() {
        lock.writeLock().unlock();
    }
}

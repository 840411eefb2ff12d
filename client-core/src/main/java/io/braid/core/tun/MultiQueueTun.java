package io.braid.core.tun;

import java.io.IOException;

/**
 * Optional ability of a {@link TunDevice}: more queues on the same interface, so several threads
 * can each read and write their own queue without sharing a descriptor (Linux IFF_MULTI_QUEUE).
 * The kernel spreads flows over the queues.
 */
public interface MultiQueueTun {

    /** Opens one more queue of the same interface; closing it leaves the other queues open. */
    TunDevice openQueue() throws IOException;
}

package io.braid.core.tun;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A layer-3 tunnel device: the operating system routes IP packets into it, Braid reads them out,
 * and packets Braid writes appear to the OS as if they had arrived on a network interface.
 *
 * <p>Every read and write moves exactly one IPv4 or IPv6 packet, with no header in front of it
 * (the macOS utun address-family header and Linux packet-information header are dealt with by
 * the implementations). Buffers must be direct, so a packet moves between the kernel and the
 * buffer without a copy; callers allocate them once and reuse them.
 *
 * <p>{@link #read} blocks until a packet arrives. {@link #close} from any thread makes a blocked
 * read return promptly with {@link java.nio.channels.AsynchronousCloseException}, so an engine
 * can stop its read loop cleanly. Later calls throw {@link java.nio.channels.ClosedChannelException}.
 *
 * <p>Optional abilities (several queues, offloads, batches) are separate small interfaces that an
 * implementation may also implement, e.g. {@link MultiQueueTun}.
 */
public interface TunDevice extends Closeable {

    /** The interface name the OS gave the device, e.g. {@code braid0}, {@code utun5}. */
    String name();

    /** The MTU the device was opened with: the largest packet {@link #read} returns. */
    int mtu();

    /**
     * Reads one packet into {@code packet} from its position, blocking until one is available.
     * The buffer must have at least {@link #mtu()} bytes remaining.
     *
     * @return the packet's length; the buffer's position has advanced by it
     */
    int read(ByteBuffer packet) throws IOException;

    /**
     * Writes the buffer's remaining bytes as one packet; the position advances to the limit.
     *
     * @return the number of bytes written (the packet's length)
     */
    int write(ByteBuffer packet) throws IOException;

    /** False once {@link #close} has started. */
    boolean isOpen();

    /** Releases the device; the OS removes its interface with its addresses and routes. Idempotent. */
    @Override
    void close() throws IOException;
}

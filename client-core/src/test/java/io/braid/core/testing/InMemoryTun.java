package io.braid.core.testing;

import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TUN device in memory: a test plays the operating system, injecting packets the engine reads
 * ({@link #inject}) and taking the packets the engine writes ({@link #takeWritten}).
 */
public final class InMemoryTun implements TunDevice {
    private static final byte[] CLOSE = new byte[0];

    private final String name;
    private final int mtu;
    private final BlockingQueue<byte[]> toEngine = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> fromEngine = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    public InMemoryTun(String name, int mtu) {
        this.name = name;
        this.mtu = mtu;
    }

    /** A packet "the OS routed into the tunnel". */
    public void inject(byte[] packet) {
        toEngine.add(packet.clone());
    }

    /** The next packet the engine wrote (delivered to the OS), or null after the timeout. */
    public byte[] takeWritten(long timeoutMillis) throws InterruptedException {
        return fromEngine.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public void clearWritten() {
        fromEngine.clear();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public int read(ByteBuffer packet) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        try {
            byte[] p = toEngine.take();
            if (p == CLOSE || closed) {
                throw new AsynchronousCloseException();
            }
            packet.put(p);
            return p.length;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AsynchronousCloseException();
        }
    }

    @Override
    public int write(ByteBuffer packet) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        byte[] p = new byte[packet.remaining()];
        packet.get(p);
        fromEngine.add(p);
        return p.length;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
        toEngine.add(CLOSE);
    }
}

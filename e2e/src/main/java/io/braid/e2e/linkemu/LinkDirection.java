package io.braid.e2e.linkemu;

import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One direction of an emulated link: the kernel routes the direction's packets into a TUN, a
 * reader thread takes each one into a slot and stamps its release time, and a writer thread
 * writes it back into the same TUN when that time comes; the kernel then forwards it on as if it
 * had just arrived. Packets routed back out of the TUN (iif = the TUN) follow the main table, so
 * they do not loop.
 *
 * <p>No garbage per packet: the slots are windows of one direct slab (one buffer object per
 * thread, so the device's cached native address is hit every time); slot numbers travel between
 * the two threads through lock-free rings, and the writer keeps held packets in a primitive heap.
 * The writer sleeps until the earliest release; the reader wakes it only when a new packet must
 * leave before that (with reordering jitter) or when it was idle.
 */
final class LinkDirection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LinkDirection.class);
    private static final int SLOT_BYTES = 2048;

    private final TunDevice tun;
    private final Outage outage;
    private final int slots;
    private final ByteBuffer readView;
    private final ByteBuffer writeView;
    private final int[] length;
    private final long[] releaseAt;
    private final long[] sequence;
    private final SlotRing toWriter;
    private final SlotRing free;
    private final ReleaseHeap held;
    private final LatenessHistogram lateness = new LatenessHistogram();
    private final Thread reader;
    private final Thread writer;

    private volatile Impairment impairment = Impairment.NONE;
    private volatile boolean running = true;
    private volatile long writerWakeAt = Long.MAX_VALUE; // the writer sleeps until then; MAX when idle
    private volatile long received;
    private volatile long released;
    private volatile long droppedInOutage;     // on arrival: reader
    private volatile long droppedHeldInOutage; // already held when the outage began: writer
    private volatile long droppedQueueFull;
    // Each thread zeroes the counters it owns when it sees its flag: no counter has two writers.
    private volatile boolean readerReset;
    private volatile boolean writerReset;

    /** {@code slots} (a power of two) bounds the packets held at once: more are dropped, as by a full router queue. */
    LinkDirection(TunDevice tun, Outage outage, int slots) {
        if (tun.mtu() > SLOT_BYTES) throw new IllegalArgumentException("MTU " + tun.mtu() + " exceeds the slot size " + SLOT_BYTES);
        this.tun = tun;
        this.outage = outage;
        this.slots = slots;
        // One extra slot, never in a ring: where the reader drops packets into when every slot is held.
        ByteBuffer slab = ByteBuffer.allocateDirect((slots + 1) * SLOT_BYTES);
        this.readView = slab.duplicate();
        this.writeView = slab.duplicate();
        this.length = new int[slots + 1];
        this.releaseAt = new long[slots + 1];
        this.sequence = new long[slots + 1];
        this.toWriter = new SlotRing(slots);
        this.free = new SlotRing(slots);
        for (int i = 0; i < slots; i++) free.offer(i);
        this.held = new ReleaseHeap(slots, releaseAt, sequence);
        this.reader = Thread.ofPlatform().daemon().name("linkemu-" + tun.name() + "-in").unstarted(this::readLoop);
        this.writer = Thread.ofPlatform().daemon().name("linkemu-" + tun.name() + "-out").unstarted(this::writeLoop);
    }

    void start() {
        writer.start();
        reader.start();
    }

    void impair(Impairment impairment) {
        this.impairment = impairment;
    }

    Impairment impairment() {
        return impairment;
    }

    /** Starts the counters afresh (each thread zeroes its own at its next packet), e.g. between benchmark runs. */
    void resetStats() {
        readerReset = true;
        writerReset = true;
    }

    DirectionStats stats() {
        return new DirectionStats(received, released, droppedInOutage + droppedHeldInOutage, droppedQueueFull, lateness.percentileNanos(50),
                lateness.percentileNanos(99), lateness.maxNanos(), lateness.countLaterThan(1_000_000));
    }

    private void readLoop() {
        RealtimeThreads.raiseCurrentThread(); // a packet's delay starts when it is read: read it promptly
        SplittableRandom random = new SplittableRandom();
        long lastRelease = Long.MIN_VALUE;
        long nextSequence = 0;
        int slot = -1; // a free slot in hand, kept when its packet was dropped
        try {
            while (running) {
                if (slot < 0) slot = free.poll();
                int into = slot < 0 ? slots : slot;
                readView.limit(into * SLOT_BYTES + SLOT_BYTES).position(into * SLOT_BYTES);
                int n = tun.read(readView);
                long now = System.nanoTime();
                if (readerReset) {
                    readerReset = false;
                    received = 0;
                    droppedInOutage = 0;
                    droppedQueueFull = 0;
                }
                received = received + 1;
                if (slot < 0) {
                    droppedQueueFull = droppedQueueFull + 1;
                    continue;
                }
                if (outage.active(now)) {
                    droppedInOutage = droppedInOutage + 1;
                    continue;
                }
                Impairment imp = impairment;
                long release = now + imp.delayNanos() + jitter(random, imp.jitterNanos(), imp.delayNanos());
                if (!imp.reorder() && release < lastRelease) release = lastRelease;
                lastRelease = release;
                length[slot] = n;
                releaseAt[slot] = release;
                sequence[slot] = nextSequence++;
                toWriter.offer(slot); // never full: it can hold every slot
                if (release < writerWakeAt) LockSupport.unpark(writer);
                slot = -1;
            }
        } catch (ClosedChannelException e) {
            // close(): the normal way out
        } catch (IOException | RuntimeException e) {
            if (running) log.error("link emulator reader on {} stopped", tun.name(), e);
        }
    }

    /** Uniform in [-jitter, +jitter], never making the total delay negative. */
    private static long jitter(SplittableRandom random, long jitter, long delay) {
        if (jitter == 0) return 0;
        return Math.max(-delay, random.nextLong(-jitter, jitter + 1));
    }

    private void writeLoop() {
        RealtimeThreads.raiseCurrentThread();
        try {
            while (running) {
                for (int s; (s = toWriter.poll()) >= 0; ) held.add(s);
                if (held.size() == 0) {
                    writerWakeAt = Long.MAX_VALUE;
                    if (toWriter.isEmpty()) LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                    continue;
                }
                int slot = held.peek();
                long at = releaseAt[slot];
                long now = System.nanoTime();
                if (at > now) {
                    writerWakeAt = at;
                    if (toWriter.isEmpty()) LockSupport.parkNanos(this, at - now);
                    continue;
                }
                held.poll();
                if (writerReset) {
                    writerReset = false;
                    released = 0;
                    droppedHeldInOutage = 0;
                    lateness.clear();
                }
                if (outage.active(now)) {
                    droppedHeldInOutage = droppedHeldInOutage + 1;
                } else {
                    writeView.limit(slot * SLOT_BYTES + length[slot]).position(slot * SLOT_BYTES);
                    tun.write(writeView);
                    released = released + 1;
                    lateness.record(System.nanoTime() - at);
                }
                free.offer(slot);
            }
        } catch (ClosedChannelException e) {
            // close(): the normal way out
        } catch (IOException | RuntimeException e) {
            if (running) log.error("link emulator writer on {} stopped", tun.name(), e);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        tun.close(); // wakes the reader (and a writer inside write) at once
        LockSupport.unpark(writer);
        join(reader);
        join(writer);
    }

    private static void join(Thread thread) {
        try {
            if (!thread.join(java.time.Duration.ofSeconds(5))) log.warn("{} did not stop within 5 s", thread.getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

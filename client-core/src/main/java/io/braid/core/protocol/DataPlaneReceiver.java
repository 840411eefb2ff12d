package io.braid.core.protocol;

import java.nio.ByteBuffer;

/**
 * One session's receive pipeline, datagram in, inner packets out in counter order:
 *
 * <pre>
 * datagram -> SessionCrypto.open (header checks, epoch, replay pre-check, AEAD, replay mark)
 *          -> PathReceiveStats
 *          -> DATA ........ [FEC history] -> ReorderBuffer -> tun sink
 *             FRAGMENT .... [FEC history] -> Reassembler -> ReorderBuffer (at fragment 0's counter)
 *             FEC_PARITY .. FecGroupDecoder -> rebuilt members re-enter as DATA / FRAGMENT
 *             others ...... control handler (probe, ack, feedback, hello, keepalive, close)
 * </pre>
 *
 * Counters that carry nothing for the TUN are skipped in the reorder buffer so they leave no
 * gap. Every rejection is counted in {@link #drops()}; nothing throws on hostile input. Pure and
 * single-threaded: the engine calls {@link #receive} per datagram (in a loop for a GRO buffer)
 * and {@link #poll} at {@link #nextDeadlineNanos()}.
 */
public final class DataPlaneReceiver {
    /** Receives authenticated control packets; the body is valid only during the call. */
    @FunctionalInterface
    public interface ControlHandler {
        void onControl(PacketHeader header, ByteBuffer body, long nowNanos);
    }

    private final SessionCrypto crypto;
    private final ReorderBuffer reorder;
    private final Reassembler reassembler;
    private final FecGroupDecoder fec;
    private final PathReceiveStats paths;
    private final ReorderBuffer.Sink tun;
    private final ControlHandler control;
    private final ByteBuffer plain;
    private final FecGroupDecoder.Sink rebuilt = this::onRebuilt;
    private long nowNanos;

    public DataPlaneReceiver(SessionCrypto crypto, ReorderBuffer reorder, Reassembler reassembler, FecGroupDecoder fec,
                             PathReceiveStats paths, ReorderBuffer.Sink tun, ControlHandler control) {
        this.crypto = crypto;
        this.reorder = reorder;
        this.reassembler = reassembler;
        this.fec = fec;
        this.paths = paths;
        this.tun = tun;
        this.control = control;
        this.plain = ByteBuffer.allocateDirect(crypto.maxPayloadBytes());
    }

    /**
     * Processes the packet at {@code datagram}'s position and moves past it.
     *
     * @return true when it was authenticated and taken in
     */
    public boolean receive(ByteBuffer datagram, long nowNanos) {
        this.nowNanos = nowNanos;
        plain.clear();
        if (!crypto.open(datagram, plain, nowNanos)) {
            if (crypto.lastDropReason() == DropReason.DUPLICATE) creditDuplicateToItsPath();
            return false;
        }
        plain.flip();
        PacketHeader h = crypto.received();
        long counter = h.counter();
        paths.record(h.pathId(), h.pathSequence(), counter, h.length() + PacketHeader.BYTES);
        switch (h.type()) {
            case DATA -> {
                if (h.hasFlag(PacketFlags.FEC_MEMBER)) fec.remember(counter, PacketType.DATA, plain, nowNanos, rebuilt);
                reorder.offer(counter, plain, nowNanos, tun);
            }
            case FRAGMENT -> {
                if (h.hasFlag(PacketFlags.FEC_MEMBER)) fec.remember(counter, PacketType.FRAGMENT, plain, nowNanos, rebuilt);
                fragment(counter, plain);
            }
            case FEC_PARITY -> {
                if (fec.onParity(plain, nowNanos, rebuilt)) {
                    skipParityGroup(counter, plain);
                } else {
                    reorder.skip(counter, nowNanos, tun);
                    crypto.drops().increment(DropReason.BAD_PARITY);
                }
            }
            default -> {
                reorder.skip(counter, nowNanos, tun);
                control.onControl(h, plain, nowNanos);
            }
        }
        return true;
    }

    /**
     * A group's parity packets are sealed back to back, so one of them tells where its siblings
     * sit: skip them all, so a lost parity packet leaves no gap for data to wait behind.
     */
    private void skipParityGroup(long counter, ByteBuffer body) {
        int m = body.get(body.position() + 1) & 0xFF;
        int index = body.get(body.position() + 2) & 0xFF;
        long first = counter - index;
        for (int j = 0; j < m; j++) {
            if (first + j >= 0) reorder.skip(first + j, nowNanos, tun);
        }
    }

    /**
     * A redundant copy still arrived over its path: without this, in redundant mode the slower
     * path would look as lossy as the share of copies it loses the race with. Duplicates are
     * recognised before decryption, so this is unauthenticated: an on-path replayer can make a
     * path look less lossy than it is, never inject anything.
     */
    private void creditDuplicateToItsPath() {
        PacketHeader h = crypto.received();
        paths.record(h.pathId(), h.pathSequence(), h.counter(), h.length() + PacketHeader.BYTES);
    }

    private void fragment(long counter, ByteBuffer body) {
        int index = body.hasRemaining() ? body.get(body.position()) & 0xFF : -1;
        int result = reassembler.add(counter, body, nowNanos);
        if (result == Reassembler.COMPLETE) {
            reorder.offer(reassembler.completedCounter(), reassembler.completed(), nowNanos, tun);
        } else if (result == Reassembler.REJECTED) {
            crypto.drops().increment(DropReason.BAD_FRAGMENT);
        }
        // The whole packet sits at fragment 0's counter; every other fragment's counter carries
        // nothing more, so it is skipped. Fragment 0 still pending keeps its gap open.
        boolean counterHoldsThePacket = result == Reassembler.COMPLETE
                ? counter == reassembler.completedCounter()
                : result == Reassembler.PENDING && index == 0;
        if (!counterHoldsThePacket) reorder.skip(counter, nowNanos, tun);
    }

    private void onRebuilt(long counter, PacketType type, ByteBuffer body) {
        if (!crypto.markRecovered(counter)) return; // arrived after all
        if (type == PacketType.DATA) {
            reorder.offer(counter, body, nowNanos, tun);
        } else {
            fragment(counter, body);
        }
    }

    /** Runs the timers: reorder hold, reassembly and FEC timeouts, old-epoch retirement. */
    public void poll(long nowNanos) {
        this.nowNanos = nowNanos;
        reorder.poll(nowNanos, tun);
        reassembler.expire(nowNanos);
        fec.expire(nowNanos);
        crypto.retireExpired(nowNanos);
    }

    /** When {@link #poll} must run next for the reorder buffer (other timers are coarse). */
    public long nextDeadlineNanos() {
        return reorder.nextDeadlineNanos();
    }

    public DropCounters drops() {
        return crypto.drops();
    }

    public SessionCrypto crypto() {
        return crypto;
    }

    public ReorderBuffer reorder() {
        return reorder;
    }

    public Reassembler reassembler() {
        return reassembler;
    }

    public FecGroupDecoder fec() {
        return fec;
    }

    public PathReceiveStats paths() {
        return paths;
    }
}

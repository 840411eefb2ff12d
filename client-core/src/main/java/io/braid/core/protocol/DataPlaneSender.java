package io.braid.core.protocol;

import java.nio.ByteBuffer;

/**
 * One session's send pipeline: an inner packet in, sealed datagrams out, written back to back
 * into one buffer (the engine splits them with {@link PacketHeader#packetSize} and sends each to
 * the path named in its header, or hands runs of them to UDP GSO).
 *
 * <ul>
 *   <li>fragments when the packet plus overhead exceeds the smallest MTU of the chosen paths
 *       (FEC parity may be sealed between fragments: each fragment names fragment 0's counter);
 *   <li>seals every packet once per chosen path (redundant mode: same counter, per-path nonce);
 *   <li>with an {@link FecGroupEncoder} (only in a mode that wants FEC), flags members and
 *       appends the group's parity packets when a group fills, or when {@link #flushFec} is called.
 * </ul>
 */
public final class DataPlaneSender {
    private final SessionCrypto crypto;
    private final FecGroupEncoder fec;
    private final ByteBuffer scratch;
    private SealResult lastResult = SealResult.OK;

    /** @param fec null when no mode asks for FEC */
    public DataPlaneSender(SessionCrypto crypto, FecGroupEncoder fec) {
        this.crypto = crypto;
        this.fec = fec;
        this.scratch = ByteBuffer.allocateDirect(crypto.maxPayloadBytes());
    }

    /**
     * Seals {@code inner} (position to limit, not moved) for {@code pathCount} paths of
     * {@code pathIds} into {@code out}.
     *
     * @param pathMtu the smallest UDP payload size among those paths
     * @return datagrams written, or -1 when sealing failed ({@link #lastResult()}); on failure
     *         {@code out} keeps the datagrams sealed before the failure
     */
    public int sendInner(ByteBuffer inner, ByteBuffer out, int[] pathIds, int pathCount, int pathMtu, long nowNanos) {
        int maxBody = Math.min(Fragmenter.maxBody(pathMtu), crypto.maxPayloadBytes());
        int count = Fragmenter.fragmentCount(inner.remaining(), maxBody);
        if (count < 0) {
            lastResult = SealResult.PAYLOAD_TOO_LARGE;
            return -1;
        }
        int flags = fec != null ? PacketFlags.FEC_MEMBER : 0;
        int written = 0;
        long firstFragment = -1;
        for (int i = 0; i < count; i++) {
            if (fec != null && !fec.canAdd(crypto.nextCounter()) && !fec.isEmpty()) {
                int n = flushFec(out, pathIds, pathCount, nowNanos); // before scratch holds the fragment
                if (n < 0) return -1;
                written += n;
            }
            ByteBuffer body = inner;
            PacketType type = PacketType.DATA;
            if (count > 1) {
                long distance = i == 0 ? 0 : crypto.nextCounter() - firstFragment;
                if (distance > 0xFFFF) {
                    lastResult = SealResult.PAYLOAD_TOO_LARGE; // cannot happen with <= 64 fragments and m <= 16
                    return -1;
                }
                scratch.clear();
                Fragmenter.writeFragment(inner, i, maxBody, (int) distance, scratch);
                body = scratch.flip();
                type = PacketType.FRAGMENT;
            }
            int n = sealForPaths(body, type, flags, out, pathIds, pathCount, nowNanos);
            if (n < 0) return -1;
            written += n;
            if (i == 0) firstFragment = crypto.lastSealedCounter();
            if (fec != null && fec.add(crypto.lastSealedCounter(), type, body)) {
                n = writeParity(out, pathIds, pathCount, nowNanos);
                if (n < 0) return -1;
                written += n;
            }
        }
        return written;
    }

    /** Sends parity for a partial FEC group (call on a short timer so a quiet flow is still protected). */
    public int flushFec(ByteBuffer out, int[] pathIds, int pathCount, long nowNanos) {
        if (fec == null || fec.isEmpty()) return 0;
        if (!fec.isFinished()) fec.finish();
        return writeParity(out, pathIds, pathCount, nowNanos);
    }

    private int writeParity(ByteBuffer out, int[] pathIds, int pathCount, long nowNanos) {
        int written = 0;
        for (int j = 0; j < fec.parityCount(); j++) {
            scratch.clear();
            fec.writeParity(j, scratch);
            int n = sealForPaths(scratch.flip(), PacketType.FEC_PARITY, 0, out, pathIds, pathCount, nowNanos);
            if (n < 0) {
                fec.reset();
                return -1;
            }
            written += n;
        }
        fec.reset();
        return written;
    }

    /** Seals a control message body (probe, feedback, ...) for one path. */
    public int sendControl(PacketType type, ByteBuffer body, ByteBuffer out, int pathId, long nowNanos) {
        lastResult = crypto.seal(body, out, type, pathId, nowNanos);
        return lastResult == SealResult.OK ? 1 : -1;
    }

    private int sealForPaths(ByteBuffer body, PacketType type, int flags, ByteBuffer out, int[] pathIds, int pathCount,
                             long nowNanos) {
        lastResult = crypto.seal(body, out, type, flags, pathIds[0], nowNanos);
        if (lastResult != SealResult.OK) return -1;
        for (int p = 1; p < pathCount; p++) {
            lastResult = crypto.sealCopy(body, out, pathIds[p], nowNanos);
            if (lastResult != SealResult.OK) return -1;
        }
        return pathCount;
    }

    /** Why the last failed call failed (OK after a success). */
    public SealResult lastResult() {
        return lastResult;
    }

    /** Bytes one datagram adds to its body: header plus AEAD tag. */
    public static int overhead() {
        return PacketHeader.OVERHEAD;
    }
}

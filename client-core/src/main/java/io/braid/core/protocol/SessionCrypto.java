package io.braid.core.protocol;

import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.crypto.EpochKeys;
import io.braid.core.crypto.Role;
import java.nio.ByteBuffer;

/**
 * The data-plane crypto state of one session at one end: it seals outgoing packets (header +
 * AEAD) and opens incoming ones, owns the session-wide counter and the anti-replay window, and
 * runs the key-epoch switch. Pure and single-threaded: time comes in as {@code nowNanos}.
 *
 * <h2>Key epochs</h2>
 * Up to three epochs are held: <i>previous</i> (still opened for a grace time after a switch),
 * <i>current</i> (seals and opens) and <i>next</i> (opens only, until activated).
 * <pre>
 *   installKeys(e0)        -> current = e0                       (session start)
 *   needsRekey(now)        -> true after rekeyAfterPackets / rekeyAfterNanos: engine runs an exchange
 *   installKeys(e1)        -> next = e1: packets of e1 are accepted from now on
 *   activateNextEpoch(now) -> previous = e0 (until now + grace), current = e1: seal with e1
 *                             (the initiator calls this once the responder answered; the responder's
 *                             open() calls it on the first authenticated packet of e1)
 *   after the grace time   -> e0's keys are dropped; its packets count as OLD_EPOCH
 * </pre>
 * The counter runs on across epochs (so the replay window and reorder buffer never restart);
 * each key seals a range of it. Past {@code rejectAfterPackets} or {@code rejectAfterNanos} an
 * epoch seals nothing more ({@link SealResult#REKEY_REQUIRED}), and no counter is consumed or reused.
 *
 * <h2>Receiving</h2>
 * {@link #open} handles exactly one packet at the buffer's position and moves past it, so a
 * coalesced (GRO) buffer is opened by calling it until nothing remains. Every rejection is
 * counted in {@link #drops()} by reason and leaves the session unchanged; nothing throws.
 */
public final class SessionCrypto {
    /** Path ids tracked for per-path sequences. */
    public static final int MAX_PATHS = 32;
    /** How many paths one counter may be sealed for (the original plus redundant copies). */
    public static final int MAX_COPIES = 8;

    private final Role role;
    private final int sessionId;
    private final AeadAlgorithm algorithm;
    private final RekeyPolicy policy;
    private final int maxPayloadBytes;

    private EpochState previous;
    private EpochState current;
    private EpochState next;

    private long nextCounter;
    private final ReplayWindow replay = new ReplayWindow();
    private final DropCounters drops = new DropCounters();
    private final PacketHeader received = new PacketHeader();
    private final PathSequences pathSequences = new PathSequences(MAX_PATHS);
    private final byte[] sealHeader = new byte[PacketHeader.BYTES];
    private final byte[] openHeader = new byte[PacketHeader.BYTES];
    private DropReason lastDrop;
    private long packetsSealed;
    private long packetsOpened;

    // The last sealed packet, for redundant copies on other paths.
    private long lastCounter = -1;
    private PacketType lastType;
    private int lastFlags;
    private EpochState lastEpochState;
    private int lastEpoch = -1;
    private final int[] copyPaths = new int[MAX_COPIES];
    private int copyCount;

    /**
     * @param maxPayloadBytes the largest plaintext body sealed or opened in one packet
     *                        (at most 65535 - 16; the receive-side oversize limit)
     */
    public SessionCrypto(Role role, int sessionId, AeadAlgorithm algorithm, RekeyPolicy policy, int maxPayloadBytes) {
        if (maxPayloadBytes <= 0 || maxPayloadBytes > PacketHeader.MAX_LENGTH_FIELD - AeadAlgorithm.TAG_BYTES) {
            throw new IllegalArgumentException("maxPayloadBytes must be in 1.." + (PacketHeader.MAX_LENGTH_FIELD - AeadAlgorithm.TAG_BYTES));
        }
        this.role = role;
        this.sessionId = sessionId;
        this.algorithm = algorithm;
        this.policy = policy;
        this.maxPayloadBytes = maxPayloadBytes;
        this.previous = new EpochState(algorithm);
        this.current = new EpochState(algorithm);
        this.next = new EpochState(algorithm);
    }

    // ---- keys ----------------------------------------------------------------------------

    /**
     * Installs an epoch's keys: the first becomes current at once; a later one must be
     * current + 1 and becomes <i>next</i> (accepted on receive, not yet used to send).
     * The caller may {@link EpochKeys#destroy()} the keys afterwards.
     */
    public void installKeys(EpochKeys keys, long nowNanos) {
        if (keys.algorithm() != algorithm) {
            throw new IllegalArgumentException("keys are for " + keys.algorithm() + ", session uses " + algorithm);
        }
        if (!current.installed) {
            current.install(keys, nowNanos);
            return;
        }
        if (keys.epoch() != current.epoch + 1) {
            throw new IllegalArgumentException("next epoch must be " + (current.epoch + 1) + ", got " + keys.epoch());
        }
        next.install(keys, nowNanos);
    }

    /** Starts sealing with the installed next epoch; the current one is kept for the grace time. */
    public void activateNextEpoch(long nowNanos) {
        if (!next.installed) throw new IllegalStateException("no next epoch installed");
        EpochState retired = previous;
        retired.clear();
        previous = current;
        previous.retireAtNanos = nowNanos + policy.previousEpochGraceNanos();
        current = next;
        current.activatedAtNanos = nowNanos;
        next = retired;
    }

    /** Whether the engine should start the next epoch's key exchange now. */
    public boolean needsRekey(long nowNanos) {
        return current.installed && !next.installed
                && (current.packetsSealed >= policy.rekeyAfterPackets()
                    || nowNanos - current.activatedAtNanos >= policy.rekeyAfterNanos());
    }

    /** The epoch that seals, or -1 before the first keys. */
    public int currentEpoch() {
        return current.installed ? current.epoch : -1;
    }

    /** Whether a next epoch is installed and waiting for activation. */
    public boolean hasNextEpoch() {
        return next.installed;
    }

    /** Whether the previous epoch is still accepted. */
    public boolean hasPreviousEpoch(long nowNanos) {
        retireExpired(nowNanos);
        return previous.installed;
    }

    /** Drops the previous epoch's keys once its grace time is over. The engine may call it on a timer. */
    public void retireExpired(long nowNanos) {
        if (previous.installed && nowNanos >= previous.retireAtNanos) previous.clear();
    }

    // ---- sending -------------------------------------------------------------------------

    /** {@link #seal(ByteBuffer, ByteBuffer, PacketType, int, int, long)} with no flags. */
    public SealResult seal(ByteBuffer plaintext, ByteBuffer out, PacketType type, int pathId, long nowNanos) {
        return seal(plaintext, out, type, 0, pathId, nowNanos);
    }

    /**
     * Seals {@code plaintext} (position to limit; its position is left unchanged so the same
     * buffer can be sealed again by {@link #sealCopy}) as one packet under the next counter,
     * written at {@code out}'s position, which advances by {@code plaintext.remaining() + }{@value PacketHeader#OVERHEAD}.
     * {@code plaintext} and {@code out} must not share memory.
     */
    public SealResult seal(ByteBuffer plaintext, ByteBuffer out, PacketType type, int flags, int pathId, long nowNanos) {
        checkArguments(flags, pathId);
        if (!current.installed) return SealResult.NO_KEY;
        if (expired(current, nowNanos)) return SealResult.REKEY_REQUIRED;
        if (nextCounter < 0) return SealResult.COUNTER_EXHAUSTED;
        SealResult room = checkRoom(plaintext, out);
        if (room != SealResult.OK) return room;
        long seq = pathSequences.take(pathId);
        if (seq < 0) return SealResult.TOO_MANY_PATHS;
        long counter = nextCounter++;
        write(current, plaintext, out, type, flags, pathId, (int) seq, counter);
        lastCounter = counter;
        lastType = type;
        lastFlags = flags;
        lastEpochState = current;
        lastEpoch = current.epoch;
        copyPaths[0] = pathId;
        copyCount = 1;
        return SealResult.OK;
    }

    /**
     * Seals the last sealed packet again for another path (redundant sending): same counter,
     * type and flags, this path's id and sequence. Refused ({@link SealResult#NOT_COPYABLE}) for
     * a path that already has this counter, so no nonce is ever used twice.
     */
    public SealResult sealCopy(ByteBuffer plaintext, ByteBuffer out, int pathId, long nowNanos) {
        checkArguments(0, pathId);
        EpochState st = lastEpochState;
        if (lastCounter < 0 || st == null || !st.installed || st.epoch != lastEpoch) return SealResult.NOT_COPYABLE;
        if (copyCount == copyPaths.length) return SealResult.NOT_COPYABLE;
        for (int i = 0; i < copyCount; i++) {
            if (copyPaths[i] == pathId) return SealResult.NOT_COPYABLE;
        }
        if (expired(st, nowNanos)) return SealResult.REKEY_REQUIRED;
        SealResult room = checkRoom(plaintext, out);
        if (room != SealResult.OK) return room;
        long seq = pathSequences.take(pathId);
        if (seq < 0) return SealResult.TOO_MANY_PATHS;
        write(st, plaintext, out, lastType, lastFlags, pathId, (int) seq, lastCounter);
        copyPaths[copyCount++] = pathId;
        return SealResult.OK;
    }

    private void write(EpochState st, ByteBuffer plaintext, ByteBuffer out, PacketType type, int flags, int pathId,
                       int pathSeq, long counter) {
        int start = plaintext.position();
        int length = plaintext.remaining() + AeadAlgorithm.TAG_BYTES;
        PacketHeader.write(sealHeader, type, flags, st.epoch, pathId, length, sessionId, pathSeq, counter);
        out.put(sealHeader, 0, PacketHeader.BYTES);
        st.sealCipher.seal(pathId, counter, sealHeader, PacketHeader.BYTES, plaintext, out);
        plaintext.position(start);
        st.packetsSealed++;
        packetsSealed++;
    }

    private SealResult checkRoom(ByteBuffer plaintext, ByteBuffer out) {
        if (plaintext.remaining() > maxPayloadBytes) return SealResult.PAYLOAD_TOO_LARGE;
        if (out.remaining() < plaintext.remaining() + PacketHeader.OVERHEAD) return SealResult.BUFFER_TOO_SMALL;
        return SealResult.OK;
    }

    private boolean expired(EpochState st, long nowNanos) {
        return st.packetsSealed >= policy.rejectAfterPackets() || nowNanos - st.activatedAtNanos >= policy.rejectAfterNanos();
    }

    private static void checkArguments(int flags, int pathId) {
        if ((flags & ~PacketFlags.KNOWN) != 0) throw new IllegalArgumentException("unknown flags " + flags);
        if (pathId < 0 || pathId > 0xFFFF) throw new IllegalArgumentException("path id must fit 16 bits");
    }

    /** The counter of the last sealed packet, or -1. */
    public long lastSealedCounter() {
        return lastCounter;
    }

    /** The counter the next {@link #seal} will use. */
    public long nextCounter() {
        return nextCounter;
    }

    /** Test hook: lets a test reach the end of the counter space without sealing 2^63 packets. */
    void skipCountersForTest(long counter) {
        nextCounter = counter;
    }

    // ---- receiving -----------------------------------------------------------------------

    /**
     * Opens the packet at {@code datagram}'s position and moves the position past it (to the
     * limit when its length cannot be trusted). On success the plaintext is written at
     * {@code plaintextOut}'s position (advanced), the header is in {@link #received()} and the
     * counter is marked in the replay window. On failure nothing but the drop counters changes.
     *
     * @return true when the packet authenticated and is new
     */
    public boolean open(ByteBuffer datagram, ByteBuffer plaintextOut, long nowNanos) {
        int start = datagram.position();
        int limit = datagram.limit();
        int size = PacketHeader.packetSize(datagram, start);
        int end = size < 0 || size > limit - start ? limit : start + size;
        try {
            DropReason bad = received.parse(datagram, maxPayloadBytes + AeadAlgorithm.TAG_BYTES);
            if (bad != null) return drop(bad);
            if (received.sessionId() != sessionId) return drop(DropReason.WRONG_SESSION);
            EpochState st = epochFor(received.epochByte(), nowNanos);
            if (st == null) return false; // counted by epochFor
            long counter = received.counter();
            int seen = replay.check(counter);
            if (seen == ReplayWindow.DUPLICATE) return drop(DropReason.DUPLICATE);
            if (seen == ReplayWindow.TOO_OLD) return drop(DropReason.TOO_OLD);
            if (plaintextOut.remaining() < received.length() - AeadAlgorithm.TAG_BYTES) {
                return drop(DropReason.BUFFER_TOO_SMALL);
            }
            datagram.get(start, openHeader, 0, PacketHeader.BYTES);
            int outStart = plaintextOut.position();
            datagram.limit(end).position(start + PacketHeader.BYTES);
            int n = st.openCipher.open(received.pathId(), counter, openHeader, PacketHeader.BYTES, datagram, plaintextOut);
            datagram.limit(limit);
            if (n < 0) {
                plaintextOut.position(outStart);
                return drop(DropReason.AUTH_FAILED);
            }
            replay.mark(counter);
            if (st == next) activateNextEpoch(nowNanos); // the peer switched: that is our confirmation
            packetsOpened++;
            lastDrop = null;
            return true;
        } finally {
            datagram.limit(limit).position(end);
        }
    }

    private EpochState epochFor(int epochByte, long nowNanos) {
        if (current.matches(epochByte)) {
            if (nowNanos - current.installedAtNanos >= policy.rejectAfterNanos()) return dropEpoch(DropReason.OLD_EPOCH);
            return current;
        }
        if (next.matches(epochByte)) return next;
        retireExpired(nowNanos);
        if (previous.matches(epochByte)) return previous;
        if (!current.installed) return dropEpoch(DropReason.UNKNOWN_EPOCH);
        int behind = (current.epoch - epochByte) & 0xFF;
        return dropEpoch(behind >= 1 && behind < 128 ? DropReason.OLD_EPOCH : DropReason.UNKNOWN_EPOCH);
    }

    private EpochState dropEpoch(DropReason reason) {
        drop(reason);
        return null;
    }

    private boolean drop(DropReason reason) {
        drops.increment(reason);
        lastDrop = reason;
        return false;
    }

    /**
     * Marks a counter whose packet was rebuilt by FEC rather than received, so a late original
     * is dropped as a duplicate. Returns false when it had been received after all.
     */
    public boolean markRecovered(long counter) {
        if (counter < 0 || replay.check(counter) != ReplayWindow.FRESH) return false;
        return replay.mark(counter);
    }

    /**
     * The header of the last packet {@link #open} accepted (a reused view). After a drop it holds
     * whatever of the dropped packet's header was parsed: trust it only as far as the drop reason
     * allows (for {@link DropReason#DUPLICATE} the whole header parsed, unauthenticated).
     */
    public PacketHeader received() {
        return received;
    }

    /** Why the last {@link #open} returned false, or null after a success. */
    public DropReason lastDropReason() {
        return lastDrop;
    }

    public DropCounters drops() {
        return drops;
    }

    /** Redundant copies dropped (the same counter received again). */
    public long duplicates() {
        return drops.count(DropReason.DUPLICATE);
    }

    public long packetsSealed() {
        return packetsSealed;
    }

    public long packetsOpened() {
        return packetsOpened;
    }

    public Role role() {
        return role;
    }

    public int sessionId() {
        return sessionId;
    }

    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }
}

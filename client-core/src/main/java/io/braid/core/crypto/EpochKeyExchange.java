package io.braid.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * One end's half of a key epoch's ephemeral exchange. The control channel carries
 * {@link #publicKey()} each way (the initiator's offer names the epoch); {@link #finish} then
 * yields the epoch's keys, and the ephemeral private key is dropped with this object.
 *
 * <pre>
 * initiator                                   responder
 *   start(INITIATOR, e) ── epoch e, pub_i ──>   start(RESPONDER, e); finish(); install as "next"
 *   finish(); install; activate  <── pub_r ──
 *   first packet of epoch e ────────────────>   accepts it, so activates epoch e for sending too
 * </pre>
 */
public final class EpochKeyExchange {
    private final Role role;
    private final int epoch;
    private final byte[] publicKey;
    private X25519 ephemeral;

    private EpochKeyExchange(Role role, int epoch, X25519 ephemeral) {
        this.role = role;
        this.epoch = epoch;
        this.ephemeral = ephemeral;
        this.publicKey = ephemeral.publicKey();
    }

    public static EpochKeyExchange start(Role role, int epoch, SecureRandom random) {
        return new EpochKeyExchange(role, epoch, X25519.generate(random));
    }

    public int epoch() {
        return epoch;
    }

    /** This end's public value, to send to the peer (not secret; readable after finishing too). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Combines with the peer's public value; usable once. */
    public EpochKeys finish(byte[] exporterSecret, int sessionId, AeadAlgorithm algorithm, byte[] peerPublic) {
        if (ephemeral == null) throw new IllegalStateException("exchange already finished");
        byte[] mine = publicKey;
        byte[] shared = ephemeral.sharedSecret(peerPublic);
        ephemeral = null;
        try {
            byte[] initiatorPub = role == Role.INITIATOR ? mine : peerPublic;
            byte[] responderPub = role == Role.INITIATOR ? peerPublic : mine;
            return KeySchedule.derive(exporterSecret, sessionId, epoch, algorithm, role, shared, initiatorPub, responderPub);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }
}

package io.braid.core.testing;

import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.crypto.EpochKeyExchange;
import io.braid.core.crypto.EpochKeys;
import io.braid.core.crypto.Role;
import io.braid.core.protocol.RekeyPolicy;
import io.braid.core.protocol.SessionCrypto;
import java.security.SecureRandom;

/**
 * Two ends of one session (client = initiator, headend = responder) with epoch keys derived the
 * real way from a shared stand-in exporter secret: the fixture for protocol tests and benchmarks.
 */
public final class SessionPair {
    public static final int SESSION_ID = 0x5EED0001;

    public final SessionCrypto client;
    public final SessionCrypto headend;
    private final byte[] exporter = new byte[32];
    private final SecureRandom random;
    private final AeadAlgorithm algorithm;

    public SessionPair(AeadAlgorithm algorithm, RekeyPolicy policy, int maxPayload, long nowNanos) {
        this.algorithm = algorithm;
        this.random = new SecureRandom();
        random.nextBytes(exporter);
        client = new SessionCrypto(Role.INITIATOR, SESSION_ID, algorithm, policy, maxPayload);
        headend = new SessionCrypto(Role.RESPONDER, SESSION_ID, algorithm, policy, maxPayload);
        installEpoch(0, nowNanos);
    }

    public SessionPair(AeadAlgorithm algorithm) {
        this(algorithm, RekeyPolicy.DEFAULT, 9000, 0);
    }

    /** Runs an epoch exchange and installs its keys at both ends (as "next" after the first). */
    public void installEpoch(int epoch, long nowNanos) {
        EpochKeys[] k = deriveEpoch(epoch);
        client.installKeys(k[0], nowNanos);
        headend.installKeys(k[1], nowNanos);
        k[0].destroy();
        k[1].destroy();
    }

    /** {initiator's keys, responder's keys} for an epoch, not installed. */
    public EpochKeys[] deriveEpoch(int epoch) {
        EpochKeyExchange i = EpochKeyExchange.start(Role.INITIATOR, epoch, random);
        EpochKeyExchange r = EpochKeyExchange.start(Role.RESPONDER, epoch, random);
        return new EpochKeys[] {
            i.finish(exporter, SESSION_ID, algorithm, r.publicKey()),
            r.finish(exporter, SESSION_ID, algorithm, i.publicKey())
        };
    }
}

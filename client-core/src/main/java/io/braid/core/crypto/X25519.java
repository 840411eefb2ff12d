package io.braid.core.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * One ephemeral X25519 key pair for one key epoch: made, its 32-byte public value sent over the
 * control channel, combined with the peer's, then dropped so the epoch's keys cannot be
 * recomputed later (forward secrecy between epochs). Public values travel as the RFC 7748
 * 32-byte little-endian u-coordinate.
 */
public final class X25519 {
    public static final int KEY_BYTES = 32;

    private final KeyPair keyPair;

    private X25519(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** A fresh ephemeral key pair. */
    public static X25519 generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
            g.initialize(NamedParameterSpec.X25519, random);
            return new X25519(g.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no X25519", e);
        }
    }

    /** A key pair from a fixed 32-byte scalar: for known-answer tests only. */
    static X25519 fromPrivateScalar(byte[] scalar) {
        try {
            KeyFactory f = KeyFactory.getInstance("X25519");
            var priv = f.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            // The public key is the agreement of the scalar with the base point u = 9.
            byte[] base = new byte[KEY_BYTES];
            base[0] = 9;
            ka.init(priv);
            ka.doPhase(decodePublic(base), true);
            byte[] pubU = ka.generateSecret();
            return new X25519(new KeyPair(decodePublic(pubU), priv));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad X25519 scalar", e);
        }
    }

    /** This side's public value as 32 little-endian bytes. */
    public byte[] publicKey() {
        BigInteger u = ((XECPublicKey) keyPair.getPublic()).getU();
        byte[] be = u.toByteArray();
        byte[] le = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    /**
     * The shared secret with the peer's 32-byte public value. Throws when the peer's value is
     * malformed or of small order (the JDK refuses an all-zero result; we check again), since a
     * contributory-less secret would make the epoch's keys depend on the exporter alone.
     */
    public byte[] sharedSecret(byte[] peerPublic) {
        if (peerPublic == null || peerPublic.length != KEY_BYTES) {
            throw new IllegalArgumentException("an X25519 public key is 32 bytes");
        }
        byte[] secret;
        try {
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(keyPair.getPrivate());
            ka.doPhase(decodePublic(peerPublic), true);
            secret = ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("peer's X25519 public key is unusable: " + e.getMessage(), e);
        }
        if (Arrays.equals(secret, new byte[KEY_BYTES])) {
            throw new IllegalArgumentException("peer's X25519 public key has small order");
        }
        return secret;
    }

    private static java.security.PublicKey decodePublic(byte[] le) throws GeneralSecurityException {
        byte[] be = new byte[KEY_BYTES + 1]; // leading zero keeps the BigInteger positive
        for (int i = 0; i < KEY_BYTES; i++) {
            be[KEY_BYTES - i] = le[i];
        }
        be[1] &= 0x7f; // RFC 7748 section 5: the top bit of the u-coordinate is ignored
        return KeyFactory.getInstance("X25519")
                .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(be)));
    }
}

package io.braid.core.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction's AEAD: a JDK {@link Cipher} kept for the life of the session and re-initialised
 * per packet with the nonce built from the packet's path id and counter:
 *
 * <pre>
 * nonce (12 bytes) = path id (u32, little-endian) || counter (u64, little-endian)
 * </pre>
 *
 * The layout matches RFC 8439's "32-bit constant || 64-bit IV", so its test vectors apply as
 * they are. The path id is in the nonce because a redundant copy of a packet is sealed again
 * for each path under the same counter: a (path, counter) pair is never sealed twice, so no
 * nonce is ever reused under a key, while the receiver still sees one counter and drops the
 * copies as duplicates. The per-packet {@code init} allocates the parameter spec the JDK needs;
 * nothing else is allocated.
 */
public final class PacketCipher {
    private final AeadAlgorithm algorithm;
    private final int mode;
    private final Cipher cipher;
    private final byte[] nonce = new byte[AeadAlgorithm.NONCE_BYTES];
    private SecretKeySpec key;

    /** @param mode {@link Cipher#ENCRYPT_MODE} to seal or {@link Cipher#DECRYPT_MODE} to open */
    public PacketCipher(AeadAlgorithm algorithm, int mode) {
        if (mode != Cipher.ENCRYPT_MODE && mode != Cipher.DECRYPT_MODE) throw new IllegalArgumentException("mode");
        this.algorithm = algorithm;
        this.mode = mode;
        try {
            this.cipher = Cipher.getInstance(algorithm.transformation());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks " + algorithm.transformation(), e);
        }
    }

    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    public void setKey(byte[] keyBytes) {
        if (keyBytes.length != AeadAlgorithm.KEY_BYTES) throw new IllegalArgumentException("key length");
        this.key = new SecretKeySpec(keyBytes, algorithm.keyAlgorithm());
    }

    public boolean hasKey() {
        return key != null;
    }

    public void clearKey() {
        key = null;
    }

    /**
     * Seals {@code plaintext} (position to limit, consumed) into {@code out} at its position
     * (advanced by plaintext length + 16), authenticating {@code aad[0, aadLength)}.
     *
     * @return the bytes written
     */
    public int seal(int pathId, long counter, byte[] aad, int aadLength, ByteBuffer plaintext, ByteBuffer out) {
        try {
            return run(pathId, counter, aad, aadLength, plaintext, out);
        } catch (GeneralSecurityException e) {
            // Only a bug can get here (a reused nonce, a too-small buffer checked by the caller):
            // failing loudly beats sending a packet sealed wrongly.
            throw new IllegalStateException("AEAD seal failed", e);
        }
    }

    /**
     * Opens {@code ciphertext} (position to limit, tag included) into {@code out}.
     *
     * @return the plaintext length, or -1 when the tag does not verify (forged or corrupted)
     */
    public int open(int pathId, long counter, byte[] aad, int aadLength, ByteBuffer ciphertext, ByteBuffer out) {
        try {
            return run(pathId, counter, aad, aadLength, ciphertext, out);
        } catch (GeneralSecurityException e) {
            return -1; // AEADBadTagException; short buffers are checked by the caller
        }
    }

    private int run(int pathId, long counter, byte[] aad, int aadLength, ByteBuffer in, ByteBuffer out)
            throws GeneralSecurityException {
        init(pathId, counter);
        cipher.updateAAD(aad, 0, aadLength);
        return cipher.doFinal(in, out);
    }

    private void init(int pathId, long counter) throws GeneralSecurityException {
        if (key == null) throw new IllegalStateException("no key installed");
        writeNonce(nonce, pathId, counter);
        cipher.init(mode, key, spec(nonce));
    }

    private AlgorithmParameterSpec spec(byte[] n) {
        return algorithm == AeadAlgorithm.AES_256_GCM
                ? new GCMParameterSpec(AeadAlgorithm.TAG_BYTES * 8, n)
                : new IvParameterSpec(n);
    }

    /** Writes the 12-byte nonce for (path id, counter) into {@code dst}. */
    public static void writeNonce(byte[] dst, int pathId, long counter) {
        for (int i = 0; i < 4; i++) dst[i] = (byte) (pathId >>> (8 * i));
        for (int i = 0; i < 8; i++) dst[4 + i] = (byte) (counter >>> (8 * i));
    }

    @Override
    public String toString() {
        return "PacketCipher{" + algorithm + (mode == Cipher.ENCRYPT_MODE ? ", seal" : ", open") + "}";
    }
}

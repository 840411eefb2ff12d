package io.braid.core.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.KDF;
import javax.crypto.spec.HKDFParameterSpec;

/** HKDF-SHA256 (RFC 5869) through the JDK's own {@link KDF} API (final in JDK 25). */
public final class Hkdf {
    private Hkdf() {}

    /** Extract-then-expand: {@code length} bytes of output keying material. */
    public static byte[] extractAndExpand(byte[] salt, byte[] ikm, byte[] info, int length) {
        try {
            KDF kdf = KDF.getInstance("HKDF-SHA256");
            return kdf.deriveData(HKDFParameterSpec.ofExtract().addSalt(salt).addIKM(ikm).thenExpand(info, length));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no HKDF-SHA256 (Braid needs JDK 25)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("HKDF rejected its input: " + e.getMessage(), e);
        }
    }
}

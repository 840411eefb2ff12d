package io.braid.server.enroll;

import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers and secrets: lowercase base32 ids (readable, case-proof) and base64url secrets. */
public final class Ids {
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** {@code length} lowercase base32 characters: 5 bits of entropy each. */
    public static String id(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE32[RANDOM.nextInt(32)];
        }
        return new String(out);
    }

    /** A secret of {@code bytes} random bytes in base64url without padding. */
    public static String secret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

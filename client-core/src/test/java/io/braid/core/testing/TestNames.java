package io.braid.core.testing;

import java.security.SecureRandom;

/** Names for namespaces and interfaces that no other test run picks: a short prefix and a random suffix. */
public final class TestNames {
    private static final SecureRandom random = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private TestNames() {}

    /** {@code prefix} plus six random characters; fails if that would not fit an interface name (15). */
    public static String unique(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 6; i++) name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        if (name.length() > 15) throw new IllegalArgumentException("prefix '" + prefix + "' leaves no room in 15 characters");
        return name.toString();
    }
}

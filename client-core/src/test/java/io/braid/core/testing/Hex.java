package io.braid.core.testing;

import java.util.HexFormat;

/** Hex helpers for known-answer tests; spaces and newlines in vectors are ignored. */
public final class Hex {
    private Hex() {}

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s:]", ""));
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}

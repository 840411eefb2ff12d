package io.braid.core.bond.sched;

/**
 * Forward error correction as the user asks for it: {@code off}, {@code light} (8+2: a quarter more
 * packets, the light alternative to {@code redundant}'s full copies) or {@code k+m} (m parity
 * packets protect each group of k, and any k of the k+m rebuild the group). Works with every mode;
 * with {@code redundant}, parity is copied like data (10% loss on each of two paths: 1% without FEC,
 * well under 0.1% with it). Limits are the protocol's: k 1..64, m 1..16.
 */
public record FecSpec(int k, int m) {
    public static final FecSpec OFF = new FecSpec(0, 0);
    public static final FecSpec LIGHT = new FecSpec(8, 2);
    public static final int MAX_K = 64;
    public static final int MAX_M = 16;
    private static final java.util.regex.Pattern K_PLUS_M = java.util.regex.Pattern.compile("(\\d{1,2})\\+(\\d{1,2})");

    public FecSpec {
        boolean off = k == 0 && m == 0;
        if (!off && (k < 1 || k > MAX_K || m < 1 || m > MAX_M)) {
            throw new IllegalArgumentException("FEC " + k + "+" + m + " needs 1 <= k <= " + MAX_K + " and 1 <= m <= " + MAX_M);
        }
    }

    public boolean enabled() {
        return k > 0;
    }

    /** {@code off}, or {@code k+m}. */
    public String wireName() {
        return enabled() ? k + "+" + m : "off";
    }

    /** Parses {@code off}, {@code light} or {@code k+m}. */
    public static FecSpec parse(String text) {
        if (text.equals("off")) return OFF;
        if (text.equals("light")) return LIGHT;
        java.util.regex.Matcher km = K_PLUS_M.matcher(text);
        if (km.matches()) return new FecSpec(Integer.parseInt(km.group(1)), Integer.parseInt(km.group(2)));
        throw new IllegalArgumentException("FEC '" + text + "' is not one of off, light, k+m (for example 4+2)");
    }
}

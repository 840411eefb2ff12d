package io.braid.core.fec;

/**
 * Arithmetic in GF(2^8) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), the field most
 * Reed-Solomon erasure codes use. Addition is XOR; multiplication goes through a full 256 x 256
 * table (64 KiB), so the coding loops do one lookup per byte.
 */
public final class GaloisField {
    static final int POLYNOMIAL = 0x11D;
    private static final int[] LOG = new int[256];
    private static final int[] EXP = new int[512];
    /** MUL[a][b] = a x b. Rows are handed to the coding loops. */
    static final byte[][] MUL = new byte[256][256];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if ((x & 0x100) != 0) x ^= POLYNOMIAL;
        }
        for (int i = 255; i < EXP.length; i++) EXP[i] = EXP[i - 255];
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) MUL[a][b] = (byte) slowMultiply(a, b);
        }
    }

    private GaloisField() {}

    private static int slowMultiply(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }

    public static int multiply(int a, int b) {
        return MUL[a & 0xFF][b & 0xFF] & 0xFF;
    }

    public static int inverse(int a) {
        if ((a & 0xFF) == 0) throw new ArithmeticException("0 has no inverse in GF(256)");
        return EXP[255 - LOG[a & 0xFF]];
    }

    /** a^n, with 0^0 = 1. */
    public static int power(int a, int n) {
        if (n == 0) return 1;
        if ((a & 0xFF) == 0) return 0;
        return EXP[(LOG[a & 0xFF] * n) % 255];
    }
}

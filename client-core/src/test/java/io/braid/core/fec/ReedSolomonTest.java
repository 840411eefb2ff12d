package io.braid.core.fec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReedSolomonTest {
    @Test
    void fieldAxioms() {
        for (int a = 1; a < 256; a++) {
            assertThat(GaloisField.multiply(a, GaloisField.inverse(a))).isEqualTo(1);
            assertThat(GaloisField.multiply(a, 1)).isEqualTo(a);
            assertThat(GaloisField.multiply(a, 0)).isZero();
        }
        assertThat(GaloisField.multiply(2, 0x80)).isEqualTo(0x1D); // x * x^7 = x^8 = x^4+x^3+x^2+1
        assertThat(GaloisField.multiply(3, 7)).isEqualTo(9);
    }

    @Test
    void theCodeIsSystematicAndParityIsDeterministic() {
        ReedSolomon rs = new ReedSolomon(3, 2);
        byte[][] data = {{1, 2}, {3, 4}, {5, 6}};
        byte[][] parity = new byte[2][2];
        rs.encode(data, parity, 2);
        // The first parity row of this construction is all ones: plain XOR of the data.
        assertThat(parity[0]).containsExactly(1 ^ 3 ^ 5, 2 ^ 4 ^ 6);
        assertThat(parity[1]).isNotEqualTo(parity[0]);
    }

    /** Property: for random k, m, lengths and loss patterns, any m losses are rebuilt exactly. */
    @Test
    void recoversAnyMLossesInRandomGroups() {
        Random r = new Random(10_3);
        for (int run = 0; run < 400; run++) {
            int k = 1 + r.nextInt(20);
            int m = 1 + r.nextInt(6);
            int length = 1 + r.nextInt(1500);
            ReedSolomon rs = new ReedSolomon(k, m);
            byte[][] shards = new byte[k + m][length];
            for (int i = 0; i < k; i++) r.nextBytes(shards[i]);
            byte[][] data = java.util.Arrays.copyOf(shards, k);
            byte[][] parity = java.util.Arrays.copyOfRange(shards, k, k + m);
            rs.encode(data, parity, length);
            byte[][] original = new byte[k][];
            for (int i = 0; i < k; i++) original[i] = shards[i].clone();

            for (int attempt = 0; attempt < 3; attempt++) {
                boolean[] present = new boolean[k + m];
                java.util.Arrays.fill(present, true);
                int losses = r.nextInt(m + 1);
                for (int l = 0; l < losses; ) {
                    int i = r.nextInt(k + m);
                    if (present[i]) {
                        present[i] = false;
                        if (i < k) java.util.Arrays.fill(shards[i], (byte) 0x5A);
                        l++;
                    }
                }
                assertThat(rs.decode(shards, present, length)).isTrue();
                for (int i = 0; i < k; i++) {
                    assertThat(shards[i]).as("run %d k=%d m=%d shard %d", run, k, m, i).isEqualTo(original[i]);
                }
            }
        }
    }

    @Test
    void moreThanMLossesCannotBeRecoveredAndChangeNothing() {
        ReedSolomon rs = new ReedSolomon(10, 3);
        byte[][] shards = new byte[13][100];
        new Random(1).nextBytes(shards[0]);
        boolean[] present = new boolean[13];
        java.util.Arrays.fill(present, true);
        present[0] = present[1] = present[2] = present[3] = false;
        byte[] before = shards[0].clone();
        assertThat(rs.decode(shards, present, 100)).isFalse();
        assertThat(shards[0]).isEqualTo(before);
    }
}

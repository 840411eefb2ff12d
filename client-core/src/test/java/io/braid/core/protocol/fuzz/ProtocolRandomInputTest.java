package io.braid.core.protocol.fuzz;

import io.braid.core.testing.SessionPair;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fuzz targets on seeded random inputs, bounded in count and time, in every build: Jazzer's
 * JUnit mode only replays its saved inputs unless {@code JAZZER_FUZZ} is set, so this guarantees
 * the parsers meet fresh hostile input on every run. Seeds are fixed: a failure replays exactly.
 */
class ProtocolRandomInputTest {
    private static final long BUDGET_NANOS = 3_000_000_000L;
    private static final int MAX_INPUTS = 50_000;

    @Test
    void unauthenticatedDatagrams() {
        SessionPair pair = ProtocolFuzzTargets.pair();
        SplittableRandom r = new SplittableRandom(4);
        forBudget(i -> ProtocolFuzzTargets.unauthenticatedDatagram(pair, bytes(r, 1 + r.nextInt(300)), i % 2 == 0));
    }

    @Test
    void authenticatedHostileBodies() {
        SessionPair pair = ProtocolFuzzTargets.pair();
        SplittableRandom r = new SplittableRandom(5);
        forBudget(i -> ProtocolFuzzTargets.authenticatedHostileBodies(pair, new RandomInput(r, 4096)));
    }

    @Test
    void bodyParsers() {
        SplittableRandom r = new SplittableRandom(6);
        forBudget(i -> ProtocolFuzzTargets.bodyParsers(bytes(r, r.nextInt(600))));
    }

    private static void forBudget(java.util.function.IntConsumer target) {
        long end = System.nanoTime() + BUDGET_NANOS;
        for (int i = 0; i < MAX_INPUTS && System.nanoTime() < end; i++) target.accept(i);
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        // Bias towards plausible headers so the checks past "bad version" get exercised too.
        if (n > 1 && r.nextBoolean()) b[0] = 1;
        if (n > 2 && r.nextBoolean()) b[1] = (byte) (1 + r.nextInt(9));
        return b;
    }

    /** {@link FuzzInput} from a seeded generator with a byte budget. */
    private static final class RandomInput implements FuzzInput {
        private final SplittableRandom r;
        private int remaining;

        RandomInput(SplittableRandom r, int budget) {
            this.r = r;
            this.remaining = r.nextInt(budget);
        }

        @Override
        public int consumeInt(int min, int max) {
            remaining = Math.max(0, remaining - 4);
            return min + r.nextInt(max - min + 1);
        }

        @Override
        public boolean consumeBoolean() {
            remaining = Math.max(0, remaining - 1);
            return r.nextBoolean();
        }

        @Override
        public byte[] consumeBytes(int max) {
            int n = Math.min(max, remaining);
            remaining -= n;
            byte[] b = new byte[n];
            r.nextBytes(b);
            if (n > 0 && r.nextBoolean()) b[0] = (byte) r.nextInt(4); // small indexes: plausible fragments/parity
            if (n > 1 && r.nextBoolean()) b[1] = (byte) (1 + r.nextInt(8));
            return b;
        }

        @Override
        public int remainingBytes() {
            return remaining;
        }
    }
}

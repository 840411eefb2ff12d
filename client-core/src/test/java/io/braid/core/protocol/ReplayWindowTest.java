package io.braid.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    private static final long W = ReplayWindow.WINDOW;

    /** Case table in the spirit of wireguard-go's replay_test.go: (counter, expected fresh). */
    @Test
    void caseTable() {
        ReplayWindow w = new ReplayWindow();
        long[][] cases = {
            {0, 1}, {1, 1}, {1, 0}, {9, 1}, {8, 1}, {7, 1}, {7, 0},
            {W, 1}, {W - 1, 1}, {W - 1, 0}, {W - 2, 1}, {2, 1}, {2, 0},
            {W + 16, 1}, {3, 0}, // 3 fell behind the window when W+16 arrived
            {W + 16, 0}, {W * 3, 1}, {W * 3 - 1, 1}, {W * 3 - W, 1}, {W * 3 - W - 1, 0},
            {W * 3 + 64, 1}, {W * 3 + 1, 1}, {W * 3 + 1, 0},
        };
        for (long[] c : cases) {
            assertThat(w.mark(c[0])).as("counter %d", c[0]).isEqualTo(c[1] == 1);
        }
    }

    @Test
    void checkNeverChangesTheWindow() {
        ReplayWindow w = new ReplayWindow();
        assertThat(w.check(100)).isEqualTo(ReplayWindow.FRESH);
        assertThat(w.check(100)).isEqualTo(ReplayWindow.FRESH);
        assertThat(w.highest()).isEqualTo(-1);
        w.mark(100);
        assertThat(w.check(100)).isEqualTo(ReplayWindow.DUPLICATE);
        w.mark(101 + W);
        assertThat(w.check(100)).isEqualTo(ReplayWindow.TOO_OLD);
        assertThat(w.check(101)).as("exactly WINDOW behind is still judged").isEqualTo(ReplayWindow.FRESH);
    }

    @Test
    void windowIsAtLeast4096() {
        assertThat(ReplayWindow.WINDOW).isGreaterThanOrEqualTo(4096);
    }

    /** Property: against an exact model (a BitSet plus the highest counter) under random schedules. */
    @Test
    void agreesWithAnExactModelOnRandomSchedules() {
        SplittableRandom r = new SplittableRandom(6479);
        for (int run = 0; run < 20; run++) {
            ReplayWindow w = new ReplayWindow();
            BitSet seen = new BitSet();
            long highest = -1;
            long base = 0;
            for (int i = 0; i < 20_000; i++) {
                long c = Math.max(0, base + r.nextLong(-W - 200, 300));
                if (r.nextInt(50) == 0) base += r.nextInt(20_000); // occasional jumps ahead
                base += 1;
                boolean expected;
                if (c > highest) {
                    expected = true;
                } else if (highest - c > W) {
                    expected = false;
                } else {
                    expected = !seen.get((int) c);
                }
                assertThat(w.mark(c)).as("run %d step %d counter %d", run, i, c).isEqualTo(expected);
                if (expected) {
                    seen.set((int) c);
                    highest = Math.max(highest, c);
                }
            }
        }
    }
}

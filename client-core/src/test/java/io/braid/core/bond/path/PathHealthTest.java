package io.braid.core.bond.path;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path state machine: thresholds, hysteresis, silence and probe intervals, in simulated time. */
class PathHealthTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final HealthThresholds LIMITS = HealthThresholds.DEFAULT; // 400 ms / 3% degrade, 1.5 s / 15% suspend, half to recover, 3 s
    private static final HealthTiming TIMING = HealthTiming.DEFAULT;

    @ParameterizedTest(name = "srtt {0} ms, loss {1}, scale {2}: {3}")
    @CsvSource({
            "  20, 0,     1,   UP",
            " 399, 0.029, 1,   UP",
            " 400, 0,     1,   DEGRADED",
            "  20, 0.03,  1,   DEGRADED",
            "  20, 0.149, 1,   DEGRADED",
            "  20, 0.15,  1,   SUSPENDED",
            "1500, 0,     1,   SUSPENDED",
            // leaving a state: every limit at half
            "  20, 0.02,  0.5, DEGRADED",
            " 250, 0,     0.5, DEGRADED",
            "  20, 0.10,  0.5, SUSPENDED",
            "  20, 0.014, 0.5, UP",
    })
    void thresholdsClassifyALivePath(long srttMillis, double loss, double scale, PathState expected) {
        assertThat(LIMITS.classify(srttMillis * MS, loss, scale)).isEqualTo(expected);
    }

    @Test
    void aPathStartsDownAndComesUpOnItsFirstAck() {
        PathHealth h = new PathHealth(LIMITS, TIMING, 0);
        assertThat(h.state()).isEqualTo(PathState.DOWN);
        assertThat(h.nextProbeNanos(0, false)).as("probed at once").isZero();
        ack(h, 0, 20 * MS);
        assertThat(h.state()).isEqualTo(PathState.UP);
        assertThat(h.rtt().smoothedNanos()).isEqualTo(20 * MS);
    }

    @Test
    void silenceUnderTrafficIsSuspectAfter100AndDownAfter250Milliseconds() {
        PathHealth h = up(); // srtt 20 ms, rttvar 10 ms: suspect after max(2x20+50, 100), down after max(3x20+4x10+50, 250)
        long start = 100 * MS;
        for (long t = start; t <= start + 400 * MS; t += MS) {
            h.onSent(false, t);
            h.poll(t);
            long silent = t - start;
            assertThat(h.suspect(t)).as("suspect at %d ms", silent / MS).isEqualTo(silent > 100 * MS);
            assertThat(h.state() == PathState.DOWN).as("down at %d ms", silent / MS).isEqualTo(silent > 250 * MS);
        }
    }

    @Test
    void afterEveryPollTheNextDeadlineLiesAheadSoAnEngineNeverSpins() {
        PathHealth h = up();
        for (long t = 100 * MS; t <= 3 * SECOND; t += MS) {
            if (t < 500 * MS) h.onSent(false, t); // silent under traffic: suspect, then down
            if (h.nextProbeNanos(t, false) <= t) h.onProbeSent(false, t); // probes go unanswered
            h.poll(t);
            assertThat(h.nextDeadlineNanos(t, false)).as("at %d ms, %s", t / MS, h.state()).isGreaterThan(t);
        }
        assertThat(h.state()).isEqualTo(PathState.DOWN);
    }

    @Test
    void feedbackThatShowsDeliveryKeepsABusyPathUp() {
        PathHealth h = up();
        for (long t = 100 * MS; t <= 2 * SECOND; t += MS) {
            h.onSent(false, t);
            if (t % (50 * MS) == 0) h.onFeedback(50, 0, t);
            h.poll(t);
            assertThat(h.state()).isEqualTo(PathState.UP);
        }
    }

    @Test
    void oneLostProbeOnAnIdlePathOnlySpeedsUpProbing() {
        PathHealth h = up();
        assertThat(h.nextProbeNanos(SECOND / 2, false)).isEqualTo(SECOND);
        h.onProbeSent(false, SECOND); // lost
        h.poll(SECOND + 101 * MS);
        assertThat(h.suspect(SECOND + 101 * MS)).isTrue();
        assertThat(h.nextProbeNanos(SECOND + 101 * MS, false)).as("suspect: fast probing").isEqualTo(SECOND + 100 * MS);
        ack(h, SECOND + 101 * MS, 20 * MS);
        h.poll(3 * SECOND);
        assertThat(h.state()).isEqualTo(PathState.UP);
        assertThat(h.lossFraction(3 * SECOND)).as("1 of 3 probes").isEqualTo(1 / 3.0);
    }

    @Test
    void anIdlePathWhoseProbesAllGoUnansweredIsDownAfterThreeOfThem() {
        PathHealth h = up();
        long t = SECOND;
        for (; h.state() != PathState.DOWN && t < 2 * SECOND; t += MS) {
            if (h.nextProbeNanos(t, false) <= t) h.onProbeSent(false, t);
            h.poll(t);
        }
        assertThat(t - SECOND).as("from the first unanswered probe").isBetween(250 * MS, 260 * MS);
    }

    @Test
    void aDownPathNeedsThreeAcksToCarryTrafficAgainAndForgetsTheOutage() {
        PathHealth h = up();
        long t = SECOND;
        for (; t < 2 * SECOND; t += 100 * MS) {
            h.onProbeSent(false, t);
            h.poll(t);
        }
        assertThat(h.state()).isEqualTo(PathState.DOWN);
        ack(h, t, 20 * MS);
        ack(h, t + 100 * MS, 20 * MS);
        assertThat(h.state()).isEqualTo(PathState.DOWN);
        ack(h, t + 200 * MS, 20 * MS);
        assertThat(h.state()).isEqualTo(PathState.UP);
        h.poll(t + 2 * SECOND);
        assertThat(h.lossFraction(t + 2 * SECOND)).as("probes lost in the outage do not count once it is over").isZero();
        assertThat(h.state()).isEqualTo(PathState.UP);
    }

    @Test
    void lossDegradesAtOnceButRecoversOnlyAfterStayingLowForTheHold() {
        PathHealth h = up();
        h.onFeedback(95, 5, 100 * MS);
        assertThat(h.state()).isEqualTo(PathState.DEGRADED);
        long good = 200 * MS;
        h.onFeedback(1000, 0, good); // 5 / 1100 = 0.45%, under half the 3% limit from now on
        for (long t = good; t < good + 3 * SECOND; t += 100 * MS) {
            h.onFeedback(100, 0, t);
            assertThat(h.state()).as("at %d ms", t / MS).isEqualTo(PathState.DEGRADED);
        }
        h.poll(good + 3 * SECOND);
        assertThat(h.state()).isEqualTo(PathState.UP);
    }

    @Test
    void aSuspendedLinkStaysSuspendedInTheHysteresisBand() {
        PathHealth h = up();
        h.onFeedback(80, 20, 100 * MS);
        assertThat(h.state()).isEqualTo(PathState.SUSPENDED);
        for (long t = 200 * MS; t < 10 * SECOND; t += 100 * MS) h.onFeedback(90, 10, t); // 10%: under 15%, over 7.5%
        assertThat(h.state()).isEqualTo(PathState.SUSPENDED);
        for (long t = 10 * SECOND; t < 20 * SECOND; t += 100 * MS) h.onFeedback(100, 0, t);
        assertThat(h.state()).isEqualTo(PathState.UP);
    }

    @Test
    void congestionThisEndCausedDoesNotSuspendALink() {
        PathHealth h = up();
        for (long t = 100 * MS; t < 3 * SECOND; t += 50 * MS) {
            h.onSent(true, t);
            h.onFeedback(70, 30, t);
            if (t % (200 * MS) == 0) h.onProbeSent(true, t); // into the same full queue, and lost
            h.poll(t);
        }
        assertThat(h.state()).isEqualTo(PathState.UP);
        assertThat(h.lossFraction(3 * SECOND)).as("status still shows the loss").isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "up and idle,                1000",
            "up and idle with a cap,     5000",
            "up and carrying data,        200",
            "degraded,                    100",
            "down,                        100",
            "down for more than 10 s,    1000",
    })
    void probeIntervals(String situation, long expectedMillis) {
        PathHealth h = up();
        boolean metered = situation.contains("cap");
        long last = SECOND;
        switch (situation) {
            case "up and carrying data" -> {
                ack(h, last, 20 * MS);
                h.onSent(false, last + MS);
                h.onFeedback(1, 0, last + 30 * MS);
            }
            case "degraded" -> {
                h.onFeedback(90, 10, 500 * MS);
                h.onProbeSent(false, last);
            }
            case "down", "down for more than 10 s" -> {
                for (long t = 100 * MS; h.state() != PathState.DOWN; t += 100 * MS) {
                    h.onProbeSent(false, t);
                    h.poll(t);
                    last = t;
                }
                if (situation.endsWith("10 s")) {
                    last += 11 * SECOND;
                    h.onProbeSent(false, last);
                }
            }
            default -> h.onProbeSent(false, last);
        }
        assertThat(h.nextProbeNanos(last + MS, metered) - last).isEqualTo(expectedMillis * MS);
    }

    private static PathHealth up() {
        PathHealth h = new PathHealth(LIMITS, TIMING, 0);
        ack(h, 0, 20 * MS);
        return h;
    }

    /** A probe sent at {@code sent} and answered {@code rtt} later. */
    private static void ack(PathHealth h, long sent, long rtt) {
        h.onProbeAck(h.onProbeSent(false, sent), sent, 0, sent + rtt);
    }
}

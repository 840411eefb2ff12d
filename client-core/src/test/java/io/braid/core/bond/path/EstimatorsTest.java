package io.braid.core.bond.path;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small estimators path health is built from, checked against hand-computed figures. */
class EstimatorsTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @ParameterizedTest(name = "{0} then {1} ms: srtt {2}, rttvar {3}")
    @CsvSource({
            // RFC 6298: first sample R gives SRTT = R, RTTVAR = R/2; then RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|, SRTT = 7/8 SRTT + 1/8 R
            "100, 100, 100.0, 37.5",
            "100, 200, 112.5, 62.5",
            "100,   0,  87.5, 62.5",
            " 40,  40,  40.0, 15.0",
    })
    void smoothedRttAndVariationFollowRfc6298(long first, long second, double srtt, double rttvar) {
        RttEstimator rtt = new RttEstimator();
        rtt.add(first * MS, 0);
        rtt.add(second * MS, SECOND);
        assertThat(rtt.smoothedNanos()).isEqualTo((long) (srtt * MS));
        assertThat(rtt.variationNanos()).isEqualTo((long) (rttvar * MS));
    }

    @Test
    void percentilesUseTheRecentSamplesByNearestRank() {
        RttEstimator rtt = new RttEstimator();
        assertThat(rtt.percentileNanos(0.5)).isZero();
        for (int i = 1; i <= 20; i++) rtt.add(i * MS, i);
        assertThat(rtt.percentileNanos(0.5)).isEqualTo(10 * MS);
        assertThat(rtt.percentileNanos(0.95)).isEqualTo(19 * MS);
        for (int i = 21; i <= 40; i++) rtt.add(i * MS, i);
        // the ring keeps the last 32 samples: 9..40 ms
        assertThat(rtt.percentileNanos(0.5)).isEqualTo(24 * MS);
        assertThat(rtt.percentileNanos(0.95)).isEqualTo(39 * MS);
        assertThat(rtt.percentileNanos(1)).isEqualTo(40 * MS);
    }

    @Test
    void baseRttIsTheMinimumOfTheLastTwoWindowsSoALongerRouteIsNoticed() {
        RttEstimator rtt = new RttEstimator();
        rtt.add(50 * MS, 0);
        rtt.add(80 * MS, 16 * SECOND);
        assertThat(rtt.baseNanos()).isEqualTo(50 * MS);
        rtt.add(90 * MS, 32 * SECOND);
        assertThat(rtt.baseNanos()).isEqualTo(80 * MS);
    }

    @Test
    void lossOverTheWindowAndTheLossALinkIsJudgedBy() {
        LossWindow loss = new LossWindow();
        loss.record(100, 5, false, 0);
        assertThat(loss.fraction(0)).isEqualTo(0.05);
        assertThat(loss.evidence(0)).isEqualTo(0.05);
        loss.record(100, 10, true, SECOND); // this end was overfilling the path: congestion, not the link
        assertThat(loss.fraction(SECOND)).isEqualTo(0.075);
        assertThat(loss.evidence(SECOND)).isEqualTo(0.05);
        assertThat(loss.fraction(5 * SECOND + 400 * MS)).as("t=0 has slid out").isEqualTo(0.1);
        assertThat(loss.fraction(6 * SECOND)).as("all slid out").isZero();
    }

    @Test
    void fewSamplesAreDilutedSoOneLostProbeCannotSuspendALink() {
        LossWindow loss = new LossWindow();
        loss.record(5, 1, false, 0);
        assertThat(loss.fraction(0)).isEqualTo(0.2);
        assertThat(loss.evidence(0)).isEqualTo(1.0 / LossWindow.MIN_SAMPLES);
    }

    @Test
    void timeBucketsSumASlidingWindowAndRateTheCompletedPart() {
        TimeBuckets b = new TimeBuckets(10, 100 * MS);
        b.add(1000, 0);
        b.add(500, 950 * MS);
        assertThat(b.sum(950 * MS)).isEqualTo(1500);
        assertThat(b.sum(1050 * MS)).as("t=0 left the window").isEqualTo(500);
        assertThat(b.perSecond(1050 * MS)).as("500 bytes in the 9 completed buckets (0.9 s)").isCloseTo(555.5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(b.sum(5 * SECOND)).isZero();
    }

    @Test
    void capacityIsTheMaxOfDeliveryRatesMeasuredOverAtLeast150Milliseconds() {
        CapacityEstimator c = new CapacityEstimator(10_000_000, 1);
        assertThat(c.estimateBps()).isEqualTo(10_000_000);
        long bytesPerMs = 12_500; // 100 Mbit/s
        for (long t = 0; t <= 100; t += 50) c.onFeedback(t * bytesPerMs, 0, t * MS);
        assertThat(c.estimateBps()).as("no span of 150 ms yet").isEqualTo(10_000_000);
        c.onFeedback(150 * bytesPerMs, 0, 150 * MS);
        assertThat(c.estimateBps()).isEqualTo(100_000_000);
    }

    @Test
    void aLowerDeliveryRateCountsOnlyWhenThePathWasPushed() {
        CapacityEstimator c = new CapacityEstimator(10_000_000, 1);
        long t = 0;
        long bytes = 0;
        for (; t <= 1000; t += 50, bytes += 50 * 12_500) c.onFeedback(bytes, 0, t * MS); // 100 Mbit/s
        for (int i = 0; i < 20; i++, t += 50, bytes += 50 * 2_500) c.onFeedback(bytes, 0, t * MS); // 20 Mbit/s, little to send
        assertThat(c.estimateBps()).as("an idle path keeps its estimate").isEqualTo(100_000_000);
        for (int i = 0; i < 20; i++, t += 50, bytes += 50 * 2_500) {
            c.markPushed();
            c.onFeedback(bytes, 0, t * MS);
        }
        assertThat(c.estimateBps()).as("a pushed path that delivers less has less").isEqualTo(20_000_000);
    }

    @Test
    void aPushedLossFreePathIsOfferedAQuarterMoreOneRoundInEight() {
        CapacityEstimator c = new CapacityEstimator(10_000_000, 0);
        int probing = 0;
        for (int round = 0; round < 16; round++) {
            c.markPushed();
            c.onFeedback(0, 0, round * 50 * MS);
            if (c.pacingBps() > c.estimateBps()) probing++;
        }
        assertThat(probing).isEqualTo(2);
        c.markPushed();
        c.onFeedback(0, 3, 16 * 50 * MS);
        assertThat(c.pacingBps()).as("not after a round with loss").isEqualTo(c.estimateBps());
    }

    @Test
    void aPathThatAlreadyQueuesIsNotProbed() {
        CapacityEstimator c = new CapacityEstimator(10_000_000, 0);
        c.onQueueMeasured(CapacityEstimator.QUIET_QUEUE_NANOS);
        for (int round = 0; round < 16; round++) {
            c.markPushed();
            c.onFeedback(0, 0, round * 50 * MS);
            assertThat(c.pacingBps()).isEqualTo(c.estimateBps());
        }
    }

    @Test
    void theBacklogModelDrainsAtItsRateAndIsCorrectedByMeasurement() {
        SendBacklog b = new SendBacklog();
        b.add(1250, 10_000_000, 0); // 1 ms at 10 Mbit/s
        assertThat(b.queueDelayNanos(0)).isEqualTo(MS);
        assertThat(b.deliveryNanos(1250, 10_000_000, 5 * MS, 0)).isEqualTo(7 * MS);
        assertThat(b.queueDelayNanos(MS)).isZero();
        b.add(12_500, 10_000_000, 2 * MS);
        b.correct(-4 * MS, 2 * MS);
        assertThat(b.queueDelayNanos(2 * MS)).isEqualTo(6 * MS);
        b.correct(-1 * SECOND, 2 * MS);
        assertThat(b.queueDelayNanos(2 * MS)).isZero();
        b.correct(10 * SECOND, 2 * MS);
        assertThat(b.queueDelayNanos(2 * MS)).isEqualTo(SendBacklog.MAX_NANOS);
    }

    @Test
    void probesAreMatchedByIdAndEchoedTimeAndLostOnTimeout() {
        ProbeTracker p = new ProbeTracker();
        int a = p.onSent(false, 0);
        int b = p.onSent(true, 10 * MS);
        assertThat(a).isNotEqualTo(b).isNotZero();
        assertThat(p.onAck(a, 5)).as("an echoed time that does not match").isEqualTo(Long.MIN_VALUE);
        assertThat(p.onAck(a, 0)).isEqualTo(0);
        assertThat(p.onAck(a, 0)).as("a duplicate ack").isEqualTo(Long.MIN_VALUE);
        assertThat(p.oldestWaitingNanos()).isEqualTo(10 * MS);
        assertThat(p.expire(SECOND, SECOND)).isZero();
        assertThat(p.expire(SECOND + 10 * MS, SECOND)).isEqualTo(1);
        assertThat(p.lostInCongestion()).as("it was sent into congestion this end caused").isEqualTo(1);
        assertThat(p.newestLostSentNanos()).isEqualTo(10 * MS);
        assertThat(p.onAck(b, 10 * MS)).as("an ack after its probe was given up").isEqualTo(Long.MIN_VALUE);
        for (int i = 0; i < 40; i++) p.onSent(false, 2 * SECOND + i);
        assertThat(p.expire(2 * SECOND + 40, SECOND)).as("probes pushed out of the ring count as lost").isEqualTo(8);
    }
}

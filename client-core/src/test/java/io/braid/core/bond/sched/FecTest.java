package io.braid.core.bond.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code --fec} accepts, and when the FEC policy says parity is due. */
class FecTest {
    private static final long MS = 1_000_000L;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"off, 0, 0, off", "light, 8, 2, 8+2", "4+2, 4, 2, 4+2", "1+1, 1, 1, 1+1", "64+16, 64, 16, 64+16"})
    void specsParse(String text, int k, int m, String wireName) {
        FecSpec spec = FecSpec.parse(text);
        assertThat(spec).isEqualTo(new FecSpec(k, m));
        assertThat(spec.wireName()).isEqualTo(wireName);
        assertThat(spec.enabled()).isEqualTo(k > 0);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "on", "4+", "+2", "4+2+1", "a+b", "4 + 2", "-1+2", "123+1"})
    void malformedSpecsAreRefusedWithTheValidForms(String text) {
        assertThatThrownBy(() -> FecSpec.parse(text)).hasMessageContaining("is not one of off, light, k+m");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0+2", "65+1", "4+0", "4+17"})
    void specsOutsideTheProtocolsLimitsAreRefused(String text) {
        assertThatThrownBy(() -> FecSpec.parse(text)).hasMessageContaining("needs 1 <= k <= 64 and 1 <= m <= 16");
    }

    @Test
    void parityIsDueWhenAGroupFillsAndAPartialGroupIsFlushedWhenItAges() {
        FecPolicy fec = new FecPolicy(FecSpec.parse("4+2"), 5 * MS);
        assertThat(fec.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
        for (int i = 0; i < 3; i++) assertThat(fec.onMemberSent(i * MS)).isFalse();
        assertThat(fec.members()).isEqualTo(3);
        assertThat(fec.onMemberSent(3 * MS)).as("the 4th member completes group 0").isTrue();
        assertThat(fec.group()).isEqualTo(1);
        assertThat(fec.members()).isZero();

        fec.onMemberSent(10 * MS);
        assertThat(fec.nextDeadlineNanos()).isEqualTo(15 * MS);
        assertThat(fec.flushDue(14 * MS)).isFalse();
        assertThat(fec.flushDue(15 * MS)).isTrue();
        fec.onFlushed();
        assertThat(fec.group()).isEqualTo(2);
        assertThat(fec.flushDue(100 * MS)).isFalse();
    }

    @Test
    void withFecOffNoParityIsEverDue() {
        FecPolicy fec = FecPolicy.of(FecSpec.OFF);
        for (int i = 0; i < 100; i++) assertThat(fec.onMemberSent(i)).isFalse();
        assertThat(fec.flushDue(Long.MAX_VALUE / 2)).isFalse();
        assertThat(fec.enabled()).isFalse();
    }
}

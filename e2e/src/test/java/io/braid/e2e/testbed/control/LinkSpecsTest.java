package io.braid.e2e.testbed.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.e2e.linkemu.Impairment;
import io.braid.e2e.testbed.LinkSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkSpecsTest {
    @Test
    void readsEverySetting() {
        LinkSpec spec = LinkSpecs.parse("rate=50, delay=20,jitter=2.5,reorder,loss=1.5");
        assertThat(spec.rateMbit()).isEqualTo(50);
        assertThat(spec.lossPercent()).isEqualTo(1.5);
        assertThat(spec.impairment()).isEqualTo(new Impairment(Duration.ofMillis(20), Duration.ofNanos(2_500_000), true));
    }

    @Test
    void plainIsABareVethAndEmulatedGoesThroughTheEmulator() {
        assertThat(LinkSpecs.parse("plain")).isEqualTo(LinkSpec.plain());
        assertThat(LinkSpecs.parse("").isEmulated()).isFalse();
        assertThat(LinkSpecs.parse("rate=10,emulated").impairment()).isEqualTo(Impairment.NONE);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> LinkSpecs.parse("speed=5")).hasMessageContaining("unknown link setting 'speed'");
        assertThatThrownBy(() -> LinkSpecs.parse("rate=fast")).hasMessageContaining("'fast' is not a number");
        assertThatThrownBy(() -> LinkSpecs.parse("delay=-3")).hasMessageContaining("not a number >= 0");
        assertThatThrownBy(() -> LinkSpecs.parse("loss")).hasMessageContaining("needs a value");
    }
}

package io.braid.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransportFallbackTest {
    private static final long S = 1_000_000_000L;

    @Test
    void movesToTcpWhenUdpNeverAnswersAndBackWhenItDoes() {
        TransportFallback f = new TransportFallback(2 * S, 5 * S, 0);
        assertThat(f.udpHelloDue(0)).isTrue();
        assertThat(f.tick(S, Long.MIN_VALUE)).isFalse();
        assertThat(f.tick(3 * S, Long.MIN_VALUE)).isTrue();
        assertThat(f.mode()).isEqualTo(TransportFallback.Mode.TCP);
        assertThat(f.udpHelloDue(4 * S)).as("on TCP, UDP is retried at the slower pace").isFalse();
        assertThat(f.udpHelloDue(5 * S)).isTrue();
        assertThat(f.udpHelloDue(6 * S)).isFalse();
        assertThat(f.onUdpAnswer(6 * S)).isTrue();
        assertThat(f.mode()).isEqualTo(TransportFallback.Mode.UDP);
    }

    @Test
    void staysOnUdpWhileItAnswersAndLeavesWhenItGoesSilent() {
        TransportFallback f = new TransportFallback(2 * S, 5 * S, 0);
        f.onUdpAnswer(S / 2);
        assertThat(f.tick(5 * S, 4 * S)).isFalse();
        assertThat(f.tick(13 * S, 4 * S)).isTrue();
    }
}

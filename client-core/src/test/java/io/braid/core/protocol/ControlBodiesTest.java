package io.braid.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ControlBodiesTest {
    @Test
    void probeAndAckGiveTheRoundTripTime() {
        ByteBuffer probe = ByteBuffer.allocate(1200);
        ProbeBody.write(probe, 42, 1_000_000L, 1188);
        ProbeBody p = new ProbeBody();
        assertThat(p.read(probe.flip())).isTrue();
        assertThat(p.probeId()).isEqualTo(42);
        assertThat(p.size()).isEqualTo(1200);

        ByteBuffer ack = ByteBuffer.allocate(ProbeAckBody.BYTES);
        ProbeAckBody.write(ack, p.probeId(), p.sentNanos(), 250_000L, p.size());
        ProbeAckBody a = new ProbeAckBody();
        assertThat(a.read(ack.flip())).isTrue();
        assertThat(a.probeSize()).isEqualTo(1200);
        // sent at 1 ms, answered after 0.25 ms at the far end, back at 21.25 ms: RTT 20 ms
        assertThat(a.rttNanos(21_250_000L)).isEqualTo(20_000_000L);
        assertThat(a.read(ByteBuffer.allocate(17))).isFalse();
    }

    @Test
    void helloAndCloseRoundTripAndRejectGarbage() {
        ByteBuffer hello = ByteBuffer.allocate(PathHelloBody.BYTES);
        PathHelloBody.write(hello, 1452, 7);
        PathHelloBody h = new PathHelloBody();
        assertThat(h.read(hello.flip())).isTrue();
        assertThat(h.mtu()).isEqualTo(1452);
        hello.put(2, (byte) 1);
        assertThat(h.read(hello)).as("reserved bits").isFalse();

        ByteBuffer close = ByteBuffer.allocate(CloseBody.BYTES);
        CloseBody.write(close, CloseBody.REVOKED);
        CloseBody c = new CloseBody();
        assertThat(c.read(close.flip())).isTrue();
        assertThat(c.reason()).isEqualTo(CloseBody.REVOKED);
        assertThat(c.read(ByteBuffer.allocate(3))).isFalse();
    }

    @Test
    void feedbackRejectsCountsThatDoNotMatchTheLength() {
        PathFeedbackBody fb = new PathFeedbackBody();
        ByteBuffer b = ByteBuffer.allocate(PathFeedbackBody.size(1));
        b.put((byte) 2).put((byte) 0);
        assertThat(fb.read(b.rewind())).isFalse();
        assertThat(fb.read(ByteBuffer.allocate(0))).isFalse();
    }
}

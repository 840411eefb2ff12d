package io.braid.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ControlFramesTest {
    private static DataInputStream in(byte[] b) {
        return new DataInputStream(new ByteArrayInputStream(b));
    }

    @Test
    void messagesAndDataRoundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ControlMessage.Welcome w = new ControlMessage.Welcome(7, 2, "pub", "100.96.0.2", 16, "fd00::2", 48, "100.96.0.1", 1380,
                List.of("198.18.10.0/24"), List.of(), List.of(), 8444, 10);
        ControlFrames.writeMessage(out, w);
        ControlFrames.writeData(out, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        DataInputStream in = in(out.toByteArray());
        ByteBuffer buf = ByteBuffer.allocate(100);
        assertThat(ControlFrames.read(in, buf).message()).isEqualTo(w);
        ByteBuffer data = ControlFrames.read(in, buf).datagram();
        assertThat(data.remaining()).isEqualTo(3);
        assertThat(ControlFrames.read(in, buf)).isNull();
    }

    @Test
    void hostileFramesAreProtocolErrorsNotCrashes() {
        ByteBuffer buf = ByteBuffer.allocate(65535);
        assertThatThrownBy(() -> ControlFrames.read(in(new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}), buf))
                .isInstanceOf(ControlFrames.ProtocolException.class);
        assertThatThrownBy(() -> ControlFrames.read(in(new byte[] {9, 0, 0, 1, 0}), buf))
                .isInstanceOf(ControlFrames.ProtocolException.class);
        assertThatThrownBy(() -> ControlFrames.read(in(frame("{\"type\":\"hello\",\"bogus\":1}")), buf))
                .isInstanceOf(ControlFrames.ProtocolException.class);
        assertThatThrownBy(() -> ControlFrames.read(in(frame("{\"type\":\"nope\"}")), buf))
                .isInstanceOf(ControlFrames.ProtocolException.class);
        Random r = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            byte[] b = new byte[r.nextInt(64)];
            r.nextBytes(b);
            if (b.length > 1) b[1] = 0;
            try {
                ControlFrames.read(in(b), buf);
            } catch (IOException expected) {
                // truncated or malformed: an I/O error ends the connection, nothing else escapes
            }
        }
    }

    private static byte[] frame(String json) {
        byte[] p = json.getBytes();
        byte[] f = new byte[4 + p.length];
        f[0] = 1;
        f[3] = (byte) p.length;
        System.arraycopy(p, 0, f, 4, p.length);
        return f;
    }
}

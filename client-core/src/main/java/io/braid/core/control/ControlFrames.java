package io.braid.core.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.braid.core.json.Json;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Framing on the control channel: {@code kind (u8) | length (u24, big-endian) | payload}. Kind 1 is a
 * JSON {@link ControlMessage}; kind 2 is a sealed data-plane packet carried here when UDP is blocked
 * (byte for byte what would have been one UDP datagram). Frames above {@link #MAX_PAYLOAD} are a
 * protocol error: the channel is closed rather than buffered without bound.
 */
public final class ControlFrames {
    public static final int MESSAGE = 1;
    public static final int DATA = 2;
    public static final int MAX_PAYLOAD = 64 * 1024;

    private ControlFrames() {}

    /** A frame as read: either a message or a datagram (in a buffer reused by the reader). */
    public record Frame(ControlMessage message, ByteBuffer datagram) {}

    /** A protocol violation by the peer: the channel cannot continue. */
    public static final class ProtocolException extends IOException {
        public ProtocolException(String message) {
            super(message);
        }
    }

    public static byte[] encode(ControlMessage message) {
        try {
            return frame(MESSAGE, Json.lenient().writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void writeMessage(OutputStream out, ControlMessage message) throws IOException {
        out.write(encode(message));
        out.flush();
    }

    public static void writeData(OutputStream out, ByteBuffer datagram) throws IOException {
        int n = datagram.remaining();
        byte[] frame = new byte[4 + n];
        header(frame, DATA, n);
        datagram.get(frame, 4, n);
        out.write(frame);
        out.flush();
    }

    /** Reads one frame; data frames are copied into {@code dataBuffer} (cleared first) and returned flipped. */
    public static Frame read(DataInputStream in, ByteBuffer dataBuffer) throws IOException {
        int head;
        try {
            head = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        int kind = head >>> 24;
        int length = head & 0xFFFFFF;
        if (length > MAX_PAYLOAD) {
            throw new ProtocolException("control frame of " + length + " bytes exceeds " + MAX_PAYLOAD);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return switch (kind) {
            case MESSAGE -> new Frame(parse(payload), null);
            case DATA -> {
                if (length > dataBuffer.capacity()) {
                    throw new ProtocolException("data frame larger than a datagram");
                }
                dataBuffer.clear();
                dataBuffer.put(payload).flip();
                yield new Frame(null, dataBuffer);
            }
            default -> throw new ProtocolException("unknown control frame kind " + kind);
        };
    }

    static ControlMessage parse(byte[] payload) throws ProtocolException {
        try {
            ControlMessage m = Json.strict().readValue(payload, ControlMessage.class);
            if (m == null) {
                throw new ProtocolException("empty control message");
            }
            return m;
        } catch (IOException e) {
            throw new ProtocolException("malformed control message: " + e.getMessage());
        }
    }

    /** A stream that reads frames, for callers holding a raw socket stream. */
    public static DataInputStream input(InputStream in) {
        return new DataInputStream(new java.io.BufferedInputStream(in, 16 * 1024));
    }

    private static byte[] frame(int kind, byte[] payload) {
        byte[] frame = new byte[4 + payload.length];
        header(frame, kind, payload.length);
        System.arraycopy(payload, 0, frame, 4, payload.length);
        return frame;
    }

    private static void header(byte[] frame, int kind, int length) {
        frame[0] = (byte) kind;
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
    }
}

package io.braid.core.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.braid.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The local API's framing: one JSON document per line, UTF-8, {@code \n}-terminated, at most
 * {@code maxLineBytes} long. Reads and writes go straight to the channel (no stream wrappers), so one
 * thread may block reading while another writes. One reader thread and any number of writers.
 */
public final class LineChannel implements Closeable {
    /** The default and documented limit on one line, both directions. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    /** A line went past the limit; the rest of it is not read, so the connection cannot be resynchronised. */
    public static final class LineTooLongException extends IOException {
        LineTooLongException(int max) {
            super("line longer than " + max + " bytes");
        }
    }

    private final SocketChannel channel;
    private final int maxLineBytes;
    private final ByteBuffer in = ByteBuffer.allocate(8192).flip();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Object writeLock = new Object();

    public LineChannel(SocketChannel channel, int maxLineBytes) {
        this.channel = channel;
        this.maxLineBytes = maxLineBytes;
    }

    public SocketChannel channel() {
        return channel;
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end of the stream. */
    public String readLine() throws IOException {
        line.reset();
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return text();
                }
                if (line.size() >= maxLineBytes) {
                    throw new LineTooLongException(maxLineBytes);
                }
                line.write(b);
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                // A last line without its newline still counts: `printf '{...}' | nc -U` sends one.
                return line.size() == 0 ? null : text();
            }
        }
    }

    private String text() {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Writes {@code value} as one JSON line. */
    public void write(Object value) throws IOException {
        writeLine(encode(value));
    }

    /** Writes an already encoded line (without its newline). */
    public void writeLine(byte[] json) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        synchronized (writeLock) {
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }
    }

    /** One line's bytes for {@code value}; JSON never contains a raw newline, so it cannot break the framing. */
    public static byte[] encode(Object value) {
        try {
            return Json.lenient().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

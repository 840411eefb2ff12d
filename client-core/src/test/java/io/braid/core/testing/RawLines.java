package io.braid.core.testing;

import io.braid.core.api.Deadline;
import io.braid.core.api.LineChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A bare local API connection: writes whatever bytes a test wants and reads answer lines with a time limit. */
public final class RawLines implements AutoCloseable {
    private final SocketChannel channel;
    private final LineChannel lines;

    private RawLines(SocketChannel channel) {
        this.channel = channel;
        this.lines = new LineChannel(channel, 1 << 20);
    }

    public static RawLines connect(Path socket) {
        try {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
            c.connect(UnixDomainSocketAddress.of(socket));
            return new RawLines(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} followed by a newline. */
    public RawLines send(String text) {
        return sendBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public RawLines sendBytes(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line, or null when the agent closed the connection; fails after 10 s of silence. */
    public String readLine() {
        return readLine(Duration.ofSeconds(10));
    }

    public String readLine(Duration timeout) {
        try (Deadline d = Deadline.after(timeout, channel)) {
            try {
                return lines.readLine();
            } catch (IOException e) {
                if (d.expired()) {
                    throw new AssertionError("no line from the agent within " + timeout);
                }
                return null; // reset by the agent: as good as closed
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // test cleanup
        }
    }
}

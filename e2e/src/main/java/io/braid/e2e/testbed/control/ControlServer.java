package io.braid.e2e.testbed.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Unix socket that takes one command line per connection and answers with text, then closes:
 * the smallest control channel a shell script can use (through {@link TestbedCli} send). The
 * socket lives in a root-only directory, so only root controls the testbed. "down" answers and
 * then releases {@link #awaitDown()}.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);

    private final ServerSocketChannel server;
    private final Path socket;
    private final Function<String, String> commands;
    private final CountDownLatch down = new CountDownLatch(1);
    private final Thread acceptor;

    private ControlServer(ServerSocketChannel server, Path socket, Function<String, String> commands) {
        this.server = server;
        this.socket = socket;
        this.commands = commands;
        this.acceptor = Thread.ofPlatform().daemon().name("testbed-control").start(this::serve);
    }

    public static ControlServer open(Path socket, Function<String, String> commands) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new ControlServer(server, socket, commands);
    }

    /** Sends one command to the server at {@code socket} and returns its answer. */
    public static String send(Path socket, String command) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            OutputStream out = Channels.newOutputStream(ch);
            out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            ch.shutdownOutput();
            return new String(Channels.newInputStream(ch).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Blocks until a client sent "down". */
    public void awaitDown() throws InterruptedException {
        down.await();
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel ch = server.accept()) {
                String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8)).readLine();
                boolean isDown = line != null && line.strip().equals("down");
                String answer = line == null ? "error: empty command" : isDown ? "ok\ntaking the testbed down" : commands.apply(line);
                ch.write(java.nio.ByteBuffer.wrap((answer.endsWith("\n") ? answer : answer + "\n").getBytes(StandardCharsets.UTF_8)));
                if (isDown) down.countDown();
            } catch (IOException e) {
                if (server.isOpen()) log.warn("control connection failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

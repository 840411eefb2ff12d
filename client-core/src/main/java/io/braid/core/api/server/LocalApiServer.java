package io.braid.core.api.server;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.AgentService;
import io.braid.core.api.LineChannel;
import io.braid.core.api.messages.ApiError;
import io.braid.core.api.messages.Response;
import io.braid.core.os.OperatingSystem;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's end of the local API: listens on a Unix domain socket, serves each client on its own
 * virtual thread, checks every changing request against the caller's credentials, and removes its
 * socket when closed. See docs/local-api.md for the protocol and {@link Authorizer} for who may do what.
 */
public final class LocalApiServer implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(LocalApiServer.class);

    /**
     * Limits and policy.
     *
     * @param maxClients connections served at once, in total
     * @param maxClientsPerUser connections one non-root user may hold at once
     * @param maxLineBytes longest request line accepted
     * @param idleTimeout how long a connection may stay silent outside a watch
     * @param outboxLines answers and events that may wait for a slow client before it is dropped
     * @param writeGroup the group whose members may change the agent
     */
    public record Options(int maxClients, int maxClientsPerUser, int maxLineBytes, Duration idleTimeout, int outboxLines, String writeGroup) {
        public static Options defaults() {
            return new Options(64, 16, LineChannel.MAX_LINE_BYTES, Duration.ofSeconds(60), 1024, "braid");
        }
    }

    private final Path socket;
    private final ServerSocketChannel listener;
    private final Object socketKey;
    private final AgentService service;
    private final Authorizer authorizer;
    private final Options options;
    private final ClientSlots slots;
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    private LocalApiServer(Path socket, ServerSocketChannel listener, AgentService service, Authorizer authorizer, Options options) {
        this.socket = socket;
        this.listener = listener;
        this.socketKey = SocketFile.fileKey(socket);
        this.service = service;
        this.authorizer = authorizer;
        this.options = options;
        this.slots = new ClientSlots(options.maxClients(), options.maxClientsPerUser());
    }

    /**
     * Binds {@code socket} and starts serving. Fails with {@code conflict} when another agent answers
     * there, and with a one-line reason when the socket cannot be created.
     */
    public static LocalApiServer start(Path socket, AgentService service, Options options) {
        ServerSocketChannel listener = null;
        try {
            SocketFile.prepare(socket);
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(socket));
            SocketPermissions.apply(socket, options.writeGroup());
            Authorizer authorizer = new Authorizer(OperatingSystem.current() != OperatingSystem.WINDOWS, Files.getOwner(socket), options.writeGroup(),
                    socket.getFileSystem().getUserPrincipalLookupService(), GroupMembership.system());
            LocalApiServer server = new LocalApiServer(socket, listener, service, authorizer, options);
            Thread.ofVirtual().name("braid-api-accept").start(server::acceptLoop);
            log.info("local API listening on {}", socket);
            return server;
        } catch (IOException | RuntimeException e) {
            closeQuietly(listener);
            throw e instanceof BraidException b ? b : cannotListen(socket, e);
        }
    }

    private static BraidException cannotListen(Path socket, Exception e) {
        if (e instanceof AccessDeniedException || String.valueOf(e.getMessage()).contains("Permission denied")) {
            return new BraidException(ErrorCode.FORBIDDEN, "cannot create the agent socket " + socket
                    + ": permission denied (run the agent as root, or give --socket PATH in a directory you own)", e);
        }
        if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
            return new BraidException(ErrorCode.CONFLICT, "another Braid agent is already running on " + socket, e);
        }
        if (String.valueOf(e.getMessage()).contains("too long")) {
            return new BraidException(ErrorCode.BAD_INPUT, "the socket path " + socket + " is too long for a Unix socket (about 100 bytes at most)", e);
        }
        return new BraidException(ErrorCode.INTERNAL, "cannot listen on " + socket + ": " + e.getMessage(), e);
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        try {
            while (true) {
                admit(listener.accept());
            }
        } catch (ClosedChannelException e) {
            log.debug("local API stopped accepting");
        } catch (IOException e) {
            log.error("local API accept failed; closing it", e);
            close();
        }
    }

    private void admit(SocketChannel channel) {
        Optional<UnixDomainPrincipal> peer = PeerCredentials.of(channel);
        boolean root = authorizer.isRoot(peer);
        LineChannel lines = new LineChannel(channel, options.maxLineBytes());
        Optional<AutoCloseable> slot = slots.acquire(PeerCredentials.describe(peer), root);
        if (slot.isEmpty()) {
            refuseBusy(lines);
            return;
        }
        ClientConnection connection = new ClientConnection(lines, peer, service, authorizer, options, slot.get());
        connections.add(connection);
        Thread.ofVirtual().name("braid-api-client").start(() -> {
            try {
                connection.run();
            } finally {
                connections.remove(connection);
            }
        });
    }

    private void refuseBusy(LineChannel lines) {
        try (lines) {
            lines.write(Response.failed(null, ApiError.of(ErrorCode.RATE_LIMITED,
                    "the agent is serving as many local clients as it allows; try again shortly")));
        } catch (IOException e) {
            log.debug("could not tell a client the agent is busy: {}", e.toString());
        }
        log.warn("refused a local API client: too many connections");
    }

    /** Blocks until the server is closed (by {@link #close()} or the shutdown hook). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops accepting, disconnects every client and removes the socket; safe to call more than once. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(listener);
        connections.forEach(ClientConnection::close);
        SocketFile.remove(socket, socketKey);
        closed.countDown();
        log.info("local API on {} closed", socket);
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                log.debug("close failed: {}", e.toString());
            }
        }
    }
}

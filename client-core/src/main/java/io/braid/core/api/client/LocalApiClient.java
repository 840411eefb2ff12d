package io.braid.core.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.Deadline;
import io.braid.core.api.LineChannel;
import io.braid.core.api.Method;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ApiError;
import io.braid.core.api.messages.DownRequest;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.EnrollResult;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.api.messages.LogsResult;
import io.braid.core.api.messages.Request;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.api.messages.VersionInfo;
import io.braid.core.json.Json;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The blocking client of the agent's local API, for the CLI and the desktop app. Every call opens
 * its own connection (a Unix socket costs microseconds), so one client may be used from any number
 * of threads. Failures arrive as {@link BraidException}s: the agent's own refusals with its error
 * code, {@code agent_unavailable} when nothing answers or an answer does not come in time.
 */
public final class LocalApiClient {
    /** For questions the agent answers from memory. */
    public static final Duration QUICK = Duration.ofSeconds(10);
    /** For enroll, up and down, which wait on the network and the OS. */
    public static final Duration SLOW = Duration.ofMinutes(2);
    /** The longest answer line accepted: generous, but bounded even for a misbehaving agent. */
    static final int MAX_ANSWER_BYTES = 4 << 20;

    private final Path socket;
    private final AtomicLong ids = new AtomicLong();

    public LocalApiClient(Path socket) {
        this.socket = socket;
    }

    public Path socket() {
        return socket;
    }

    /** True when an agent accepts connections on the socket. */
    public boolean agentRunning() {
        try (SocketChannel ignored = connect()) {
            return true;
        } catch (BraidException | IOException e) {
            return false;
        }
    }

    public AgentStatus status() {
        return call(Method.STATUS, null, AgentStatus.class, QUICK);
    }

    public AgentStatus up(UpRequest request) {
        return call(Method.UP, request, AgentStatus.class, SLOW);
    }

    public AgentStatus down(DownRequest request) {
        return call(Method.DOWN, request, AgentStatus.class, SLOW);
    }

    public EnrollResult enroll(EnrollParams params) {
        return call(Method.ENROLL, params, EnrollResult.class, SLOW);
    }

    public List<LogEntry> logs() {
        return call(Method.LOGS, null, LogsResult.class, QUICK).entries();
    }

    public VersionInfo version() {
        return call(Method.VERSION, null, VersionInfo.class, QUICK);
    }

    /** Calls {@code method} and decodes its result as {@code type}; waits at most {@code timeout} for the answer. */
    public <T> T call(Method method, Object params, Class<T> type, Duration timeout) {
        try (SocketChannel channel = connect(); Deadline deadline = Deadline.after(timeout, channel)) {
            LineChannel lines = new LineChannel(channel, MAX_ANSWER_BYTES);
            try {
                JsonNode result = send(lines, method, params);
                return decode(result, type);
            } catch (IOException e) {
                throw deadline.expired()
                        ? AgentUnavailable.wentAway(socket, "did not answer '" + method.wire() + "' within " + seconds(timeout))
                        : AgentUnavailable.wentAway(socket, "closed the connection during '" + method.wire() + "'");
            }
        } catch (IOException e) {
            throw AgentUnavailable.wentAway(socket, "could not be reached: " + e.getMessage());
        }
    }

    /**
     * Starts watching: returns once the agent has accepted, after which {@code listener} gets the full
     * status, then every change and new log entry, on the watch's own thread until it is closed.
     */
    public Watch watch(WatchListener listener) {
        SocketChannel channel = connect();
        LineChannel lines = new LineChannel(channel, MAX_ANSWER_BYTES);
        try (Deadline deadline = Deadline.after(QUICK, channel)) {
            send(lines, Method.WATCH, null);
            if (deadline.expired()) {
                throw new IOException("timed out");
            }
        } catch (IOException | RuntimeException e) {
            try {
                lines.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
            throw e instanceof BraidException b ? b : AgentUnavailable.wentAway(socket, "did not start the watch: " + e.getMessage());
        }
        return new Watch(socket, lines, listener);
    }

    /** Sends one request and returns its {@code result}, skipping any event lines in between. */
    private JsonNode send(LineChannel lines, Method method, Object params) throws IOException {
        long id = ids.incrementAndGet();
        lines.write(new Request(id, method.wire(), params == null ? null : Json.lenient().valueToTree(params)));
        while (true) {
            String line = lines.readLine();
            if (line == null) {
                throw new IOException("the agent closed the connection");
            }
            JsonNode node = Json.lenient().readTree(line);
            if (node.has("event")) {
                continue;
            }
            JsonNode error = node.get("error");
            if (error != null) {
                throw Json.lenient().treeToValue(error, ApiError.class).toException();
            }
            if (node.path("id").asLong(-1) == id) {
                return node.get("result");
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    static <T> T decode(JsonNode node, Class<T> type) {
        try {
            return Json.lenient().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BraidException(ErrorCode.INTERNAL, "the agent's answer could not be read (is it a different Braid version?): "
                    + e.getMessage(), e);
        }
    }

    private SocketChannel connect() {
        if (!Files.exists(socket)) {
            throw AgentUnavailable.noAgent(socket);
        }
        if (!Files.isWritable(socket)) {
            throw new BraidException(ErrorCode.FORBIDDEN, "you may not connect to the agent socket " + socket
                    + " (on Windows, only Administrators and the braid group may)");
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the connection never existed
                }
            }
            throw AgentUnavailable.noAgent(socket);
        }
    }
}

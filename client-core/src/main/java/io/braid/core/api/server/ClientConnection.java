package io.braid.core.api.server;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.AgentService;
import io.braid.core.api.Deadline;
import io.braid.core.api.LineChannel;
import io.braid.core.api.Method;
import io.braid.core.api.Subscription;
import io.braid.core.api.messages.ApiError;
import io.braid.core.api.messages.Event;
import io.braid.core.api.messages.Request;
import io.braid.core.api.messages.Response;
import io.braid.core.api.messages.Subscribed;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client, from connect to close: reads request lines one at a time, answers each (a bad line gets
 * an error and the connection goes on), and after {@code watch} also streams events until the client
 * hangs up. A client that stays silent for the idle timeout, outside a watch, is disconnected.
 */
final class ClientConnection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

    private final LineChannel lines;
    private final Optional<UnixDomainPrincipal> peer;
    private final AgentService service;
    private final Dispatcher dispatcher;
    private final Authorizer authorizer;
    private final LocalApiServer.Options options;
    private final AutoCloseable slot;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private Optional<String> refusal;
    private Outbox outbox;

    ClientConnection(LineChannel lines, Optional<UnixDomainPrincipal> peer, AgentService service, Authorizer authorizer,
            LocalApiServer.Options options, AutoCloseable slot) {
        this.lines = lines;
        this.peer = peer;
        this.service = service;
        this.dispatcher = new Dispatcher(service);
        this.authorizer = authorizer;
        this.options = options;
        this.slot = slot;
    }

    @Override
    public void run() {
        outbox = new Outbox(lines, options.outboxLines());
        try {
            serve();
        } finally {
            subscriptions.forEach(Subscription::close);
            outbox.finish(Duration.ofSeconds(1));
            close();
        }
    }

    private void serve() {
        while (true) {
            String line;
            try (Deadline idle = subscriptions.isEmpty() ? Deadline.after(options.idleTimeout(), lines) : null) {
                line = lines.readLine();
            } catch (LineChannel.LineTooLongException e) {
                outbox.send(Response.failed(null, ApiError.of(ErrorCode.BODY_TOO_LARGE,
                        "a request line may be at most " + options.maxLineBytes() + " bytes; closing the connection")));
                return;
            } catch (IOException e) {
                return; // hung up, reset, idle for too long, or the server is closing
            }
            if (line == null) {
                return;
            }
            if (!line.isBlank()) {
                answer(line);
            }
        }
    }

    private void answer(String line) {
        Request request;
        try {
            request = RequestParser.parse(line);
        } catch (RequestParser.BadRequest e) {
            outbox.send(Response.failed(e.id, ApiError.of(e.reason)));
            return;
        }
        try {
            Method method = RequestParser.method(request);
            if (method.changesState()) {
                authorize(method);
            }
            if (method == Method.WATCH) {
                watch(request);
            } else {
                outbox.send(Response.ok(request.id(), dispatcher.call(method, request.params())));
            }
        } catch (BraidException e) {
            outbox.send(Response.failed(request.id(), ApiError.of(e)));
        } catch (RuntimeException e) {
            log.error("the local API failed on '{}'", request.method(), e);
            outbox.send(Response.failed(request.id(), ApiError.of(ErrorCode.INTERNAL, "the agent failed on this request; its log has the details")));
        }
    }

    private void authorize(Method method) {
        if (refusal == null) {
            refusal = authorizer.refusal(peer); // asked once per connection: group lookups may run a command
        }
        if (refusal.isPresent()) {
            log.warn("refused '{}' from {}", method.wire(), PeerCredentials.describe(peer));
            throw new BraidException(ErrorCode.FORBIDDEN, "'" + method.wire() + "' refused: " + refusal.get());
        }
    }

    private void watch(Request request) {
        RequestParser.none(Method.WATCH, request.params());
        if (!subscriptions.isEmpty()) {
            throw new BraidException(ErrorCode.CONFLICT, "this connection is already watching");
        }
        outbox.send(Response.ok(request.id(), new Subscribed(true)));
        // The snapshot comes from inside subscribe(), after the answer above, so it is the first event.
        subscriptions.add(service.subscribe(status -> outbox.send(Event.status(status))));
        subscriptions.add(service.subscribeLogs(entry -> outbox.send(Event.log(entry))));
    }

    /** Ends the connection from outside (server shutdown); the reader sees the closed channel. */
    void close() {
        try (slot) {
            lines.close();
        } catch (Exception e) {
            log.debug("closing a local API connection: {}", e.toString());
        }
    }
}

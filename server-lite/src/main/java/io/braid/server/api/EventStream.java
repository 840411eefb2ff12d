package io.braid.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.json.Json;
import io.braid.server.accounts.Permission;
import io.braid.server.accounts.Principal;
import io.braid.server.events.DeviceChanged;
import io.braid.server.events.KeyChanged;
import io.braid.server.events.ManagerEvent;
import io.braid.server.events.ManagerEvents;
import io.braid.server.events.PolicyChanged;
import io.braid.server.events.Subscription;
import io.braid.server.fleet.FleetOverview;
import io.braid.server.fleet.FleetState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/v1/events}: the live feed as server-sent events. It opens with a {@code snapshot}
 * (overview, headends, sessions), then sends each change as it is published ({@code device.enrolled},
 * {@code session.up}, {@code wan.down}…), and a comment line as heartbeat when idle, so proxies keep the
 * connection and the browser notices a dead one. If this reader fell behind and its queue dropped
 * events, it gets a fresh snapshot instead of a gap. At every heartbeat the caller is authenticated
 * again (without counting as activity: an open tab does not keep an idle session alive), so a stream
 * ends soon after its session does. One request per open page, no polling.
 */
final class EventStream {
    static final int MAX_STREAMS = 100;
    private static final int QUEUE = 256;

    private final ManagerEvents events;
    private final FleetOverview overview;
    private final FleetState fleet;
    private final AccessControl access;
    private final Clock clock;
    private final Duration heartbeat;
    private final AtomicInteger open = new AtomicInteger();

    EventStream(ManagerEvents events, FleetOverview overview, FleetState fleet, AccessControl access, Clock clock, Duration heartbeat) {
        this.events = events;
        this.overview = overview;
        this.fleet = fleet;
        this.access = access;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    /** The first message of every stream and the answer to a gap. */
    record Snapshot(long seq, Instant at, FleetOverview.Overview overview, Object headends, Object sessions) {}

    /** One change as the stream carries it. */
    record Delta(long seq, Instant at, String type, ManagerEvent data) {}

    void register(RoutesConfig routes) {
        routes.get(AdminApi.EVENTS, this::stream);
    }

    private void stream(Context ctx) throws IOException, InterruptedException {
        Principal principal = AccessControl.principal(ctx);
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            throw new BraidException(ErrorCode.RATE_LIMITED, "too many open event streams; close some console tabs");
        }
        try (Subscription subscription = events.subscribe(QUEUE)) {
            ctx.status(200);
            ctx.res().setContentType("text/event-stream; charset=utf-8");
            ctx.res().setHeader("Cache-Control", "no-store");
            ctx.res().setHeader("X-Accel-Buffering", "no");
            OutputStream out = ctx.res().getOutputStream();
            send(out, "retry: 3000\n\n");
            snapshot(out);
            while (true) {
                ManagerEvents.Published next = subscription.poll(heartbeat);
                if (subscription.isClosed()) {
                    return; // the server is stopping
                }
                if (subscription.takeDropped() > 0) {
                    snapshot(out);
                    continue;
                }
                if (next == null) {
                    if (!stillSignedIn(ctx, principal)) {
                        send(out, "event: signed-out\ndata: {}\n\n");
                        return;
                    }
                    send(out, ": heartbeat\n\n");
                } else if (principal.role().allows(permissionFor(next.event()))) {
                    Delta delta = new Delta(next.seq(), next.at(), next.event().type(), next.event());
                    send(out, "id: " + next.seq() + "\nevent: " + delta.type() + "\ndata: " + json(delta) + "\n\n");
                }
            }
        } catch (IOException e) {
            // the browser went away: nothing to clean up beyond the subscription
        } finally {
            open.decrementAndGet();
        }
    }

    private void snapshot(OutputStream out) throws IOException {
        long seq = events.lastSeq();
        Snapshot s = new Snapshot(seq, clock.instant(), overview.overview(), fleet.headends(), fleet.sessions());
        send(out, "id: " + seq + "\nevent: snapshot\ndata: " + json(s) + "\n\n");
    }

    private boolean stillSignedIn(Context ctx, Principal principal) {
        return !principal.viaSession() || access.stillAuthenticated(ctx); // a bearer token cannot end mid-stream
    }

    /** Who may see an event: the same permission that reads its subject through the REST API. */
    static Permission permissionFor(ManagerEvent e) {
        return switch (e) {
            case DeviceChanged d -> Permission.DEVICES_READ;
            case KeyChanged k -> Permission.KEYS_READ;
            case PolicyChanged p -> Permission.POLICIES_READ;
            default -> Permission.FLEET_READ;
        };
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String json(Object value) {
        try {
            return Json.lenient().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

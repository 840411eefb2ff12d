package io.braid.core.agent;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.AgentService;
import io.braid.core.api.Subscription;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.DownRequest;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.EnrollResult;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import java.io.Closeable;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The agent's {@link AgentService}: one device (the credential store) and at most one tunnel at a time.
 * It enrolls through {@link Enrollment}, reports status from the store joined with the tunnel's, and
 * hands {@code up} to the {@link TunnelEngineFactory}; everything that touches packets lives behind
 * that factory, so a build with an engine changes nothing here.
 *
 * <p>Changing calls (enroll, up, down) are serialised; status and subscriptions are not held up by them.
 */
public final class AgentRuntime implements AgentService, Closeable {
    private final CredentialStore store;
    private final Enrollment enrollment;
    private final TunnelEngineFactory engines;
    private final Leftovers leftovers;
    private final Clock clock;
    private final EventLog events;
    private final StatusBroadcaster broadcaster;
    private final Object changes = new Object();

    private volatile AgentStatus device;
    private volatile TunnelStatus tunnel = TunnelStatus.idle();
    private TunnelEngine engine; // guarded by changes
    private UpRequest engineRequest; // guarded by changes

    public AgentRuntime(CredentialStore store, ManagerClients managers, TunnelEngineFactory engines, Leftovers leftovers, Clock clock) {
        this.store = store;
        this.enrollment = new Enrollment(store, managers, clock);
        this.engines = engines;
        this.leftovers = leftovers;
        this.clock = clock;
        this.events = new EventLog(500, clock);
        this.device = DeviceStatus.read(store, clock.instant());
        this.broadcaster = new StatusBroadcaster(compose());
    }

    /** The agent as {@code braid agent} runs it: the real manager client, network configuration and the build's engine. */
    public static AgentRuntime standard(CredentialStore store) {
        return new AgentRuntime(store, ManagerClients.standard(), TunnelEngineFactory.discover(), Leftovers.system(), Clock.systemUTC());
    }

    @Override
    public AgentStatus status() {
        // The store is re-read so a certificate renewed by `braid cert renew` shows up here too.
        device = DeviceStatus.read(store, clock.instant());
        return publish();
    }

    @Override
    public AgentStatus up(UpRequest request) {
        synchronized (changes) {
            DeviceCredentials credentials = store.require();
            if (engine != null) {
                if (Objects.equals(request, engineRequest)) {
                    return status();
                }
                throw new BraidException(ErrorCode.CONFLICT, "the tunnel is already up with other settings; run braid down first");
            }
            events.info("bringing the tunnel up" + describe(request));
            tunnel = TunnelStatus.only(ConnectionState.CONNECTING, null);
            status();
            try {
                engine = engines.start(credentials, store.directory(), request, this::tunnelChanged);
                engineRequest = request;
                tunnel = engine.status();
            } catch (BraidException e) {
                events.error("the tunnel could not start: " + e.getMessage());
                tunnel = TunnelStatus.only(ConnectionState.ERROR, e.getMessage());
                status();
                throw e;
            }
            return status();
        }
    }

    @Override
    public AgentStatus down(DownRequest request) {
        synchronized (changes) {
            if (engine != null) {
                engine.close();
                engine = null;
                engineRequest = null;
                events.info("the tunnel is down");
            }
            tunnel = TunnelStatus.idle();
            if (request.forced()) {
                events.info(Leftovers.undoAndDescribe(leftovers, store.directory()));
            }
            return status();
        }
    }

    @Override
    public EnrollResult enroll(EnrollParams params) {
        synchronized (changes) {
            if (engine != null) {
                throw new BraidException(ErrorCode.CONFLICT, "the tunnel is up with the current identity; run braid down before enrolling again");
            }
            EnrollResult result = enrollment.enroll(params);
            events.info("enrolled as " + result.deviceId() + " (" + result.name() + ") with " + result.server());
            status();
            return result;
        }
    }

    @Override
    public List<LogEntry> logs() {
        return events.recent();
    }

    @Override
    public Subscription subscribe(Consumer<AgentStatus> listener) {
        return broadcaster.subscribe(listener);
    }

    @Override
    public Subscription subscribeLogs(Consumer<LogEntry> listener) {
        return events.subscribe(listener);
    }

    /** The engine's reports: a state change is also an event for people. */
    private void tunnelChanged(TunnelStatus next) {
        TunnelStatus before = tunnel;
        tunnel = next;
        if (before.state() != next.state()) {
            String why = next.lastError() == null ? "" : ": " + next.lastError();
            events.add(next.state() == ConnectionState.ERROR ? LogEntry.Level.ERROR : LogEntry.Level.INFO,
                    "tunnel " + next.state().wire() + why);
        }
        publish();
    }

    private AgentStatus publish() {
        AgentStatus now = compose();
        broadcaster.publish(now);
        return now;
    }

    private AgentStatus compose() {
        AgentStatus d = device;
        return d.state() == ConnectionState.NOT_ENROLLED ? d : d.withTunnel(tunnel, clock.instant());
    }

    private static String describe(UpRequest r) {
        StringBuilder s = new StringBuilder();
        if (r.mode() != null) s.append(" mode=").append(r.mode());
        if (!r.wans().isEmpty()) s.append(" wans=").append(String.join(",", r.wans()));
        if (r.fullTunnel() != null) s.append(" fullTunnel=").append(r.fullTunnel());
        if (r.killSwitch() != null) s.append(" killSwitch=").append(r.killSwitch());
        return s.toString();
    }

    /** Takes the tunnel down when the agent stops (its network changes are undone; a lockdown kill switch stays). */
    @Override
    public void close() {
        synchronized (changes) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }
}

package io.braid.server.fleet;

import io.braid.server.events.HeadendChanged;
import io.braid.server.events.ManagerEvent;
import io.braid.server.events.SessionChanged;
import io.braid.server.events.SessionStats;
import io.braid.server.events.WanChanged;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is live right now: connected headends and their sessions, with per-WAN state and rates. It
 * knows only what headends announce on the event bus (it is an inline listener, so a snapshot taken
 * after a publish always includes it); with no headend connected it is honestly empty. Lost on
 * restart by design: headends re-announce themselves when they reconnect.
 */
public final class FleetState {
    private final Map<String, Headend> headends = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** Folds one event in; events that are not about live state are ignored. */
    public void apply(ManagerEvent event) {
        switch (event) {
            case HeadendChanged h when h.up() -> headends.put(h.headend().id(), h.headend());
            case HeadendChanged h -> {
                headends.remove(h.headend().id());
                sessions.values().removeIf(s -> s.headendId().equals(h.headend().id()));
            }
            case SessionChanged s when s.up() -> sessions.put(s.session().id(), s.session());
            case SessionChanged s -> sessions.remove(s.session().id());
            case WanChanged w -> sessions.computeIfPresent(w.sessionId(), (id, s) -> s.withWan(w.wan()));
            case SessionStats st -> sessions.computeIfPresent(st.sessionId(),
                    (id, s) -> s.withRates(st.rxBitsPerSecond(), st.txBitsPerSecond(), st.wans().isEmpty() ? s.wans() : st.wans()));
            default -> { }
        }
    }

    public List<Headend> headends() {
        return headends.values().stream().sorted(Comparator.comparing(Headend::name).thenComparing(Headend::id)).toList();
    }

    public List<Session> sessions() {
        return sessions.values().stream().sorted(Comparator.comparing(Session::startedAt).thenComparing(Session::id)).toList();
    }

    public List<Session> sessionsOf(String deviceId) {
        return sessions().stream().filter(s -> s.deviceId().equals(deviceId)).toList();
    }
}

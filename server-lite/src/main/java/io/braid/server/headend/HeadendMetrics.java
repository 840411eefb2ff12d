package io.braid.server.headend;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Exports a headend's sessions and policy decisions on the manager's /metrics, read at scrape time. */
public final class HeadendMetrics {
    private HeadendMetrics() {}

    public static void register(PrometheusRegistry registry, Headend headend) {
        GaugeWithCallback.builder().name("braid_headend_sessions").help("Sessions up on this headend")
                .callback(cb -> cb.call(headend.sessions().size())).register(registry);
        CounterWithCallback.builder().name("braid_session_bytes").help("Inner bytes per session and direction (in = from the device)")
                .labelNames("device", "session", "direction")
                .callback(cb -> {
                    for (Headend.SessionInfo s : headend.sessions()) {
                        cb.call(s.bytesIn(), s.deviceId(), Integer.toUnsignedString(s.sessionId(), 16), "in");
                        cb.call(s.bytesOut(), s.deviceId(), Integer.toUnsignedString(s.sessionId(), 16), "out");
                    }
                }).register(registry);
        CounterWithCallback.builder().name("braid_session_drops").help("Datagrams a session dropped (forged, replayed, malformed...)")
                .labelNames("device", "session")
                .callback(cb -> {
                    for (Headend.SessionInfo s : headend.sessions()) {
                        cb.call(s.drops(), s.deviceId(), Integer.toUnsignedString(s.sessionId(), 16));
                    }
                }).register(registry);
        CounterWithCallback.builder().name("braid_policy_decisions").help("Access policy decisions on decrypted packets")
                .labelNames("direction", "decision")
                .callback(cb -> {
                    long[] c = headend.policy().counters();
                    cb.call(c[0], "from_device", "allow");
                    cb.call(c[1], "from_device", "deny");
                    cb.call(c[2], "to_device", "allow");
                    cb.call(c[3], "to_device", "deny");
                }).register(registry);
        CounterWithCallback.builder().name("braid_headend_events").help("Headend events: sessions opened, admissions refused, unknown sessions, unroutable, spoofed")
                .labelNames("event")
                .callback(cb -> {
                    long[] c = headend.counters();
                    cb.call(c[0], "session_opened");
                    cb.call(c[1], "admission_refused");
                    cb.call(c[2], "unknown_session");
                    cb.call(c[3], "no_route");
                    cb.call(c[4], "spoofed_source");
                }).register(registry);
    }
}

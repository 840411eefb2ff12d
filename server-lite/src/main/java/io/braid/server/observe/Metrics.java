package io.braid.server.observe;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The manager's Prometheus metrics, in a registry of its own (so tests and several servers never mix). */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    public final Counter requests = Counter.builder().name("braid_http_requests_total")
            .help("HTTP requests answered by the manager").labelNames("route", "status").register(registry);
    public final Histogram requestSeconds = Histogram.builder().name("braid_http_request_duration_seconds")
            .help("Time to answer HTTP requests").labelNames("route").register(registry);
    public final Counter enrollments = Counter.builder().name("braid_enrollments_total")
            .help("Devices enrolled").register(registry);
    public final Counter enrollmentFailures = Counter.builder().name("braid_enrollment_failures_total")
            .help("Refused enrollment attempts by reason").labelNames("reason").register(registry);
    public final Counter renewals = Counter.builder().name("braid_certificate_renewals_total")
            .help("Device certificates renewed").register(registry);
    public final Counter tokens = Counter.builder().name("braid_tokens_issued_total")
            .help("Access tokens issued (enrollment and refresh)").register(registry);

    public PrometheusRegistry registry() {
        return registry;
    }

    /** The text exposition format, as served on /metrics. */
    public byte[] scrape() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import io.braid.server.ManagerServices;
import io.braid.server.audit.AuditLog;
import java.time.Duration;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's HTTPS endpoint: TLS 1.3 only, with the manager's certificate, asking (not requiring)
 * a client certificate so devices can authenticate by mutual TLS on the same port where anonymous
 * enrollment happens. Client certificates are trusted only if they chain to Braid's root.
 */
public final class ManagerHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ManagerHttpServer.class);

    private final Javalin app;

    private ManagerHttpServer(Javalin app) {
        this.app = app;
    }

    /** How often an idle event stream sends a heartbeat comment (below Jetty's 30 s idle timeout). */
    public static final Duration EVENT_HEARTBEAT = Duration.ofSeconds(15);

    public static ManagerHttpServer start(ManagerServices s, String bindAddress, int port) {
        return start(s, bindAddress, port, EVENT_HEARTBEAT);
    }

    public static ManagerHttpServer start(ManagerServices s, String bindAddress, int port, Duration eventHeartbeat) {
        SSLContext tls = TlsContexts.withIdentity(s.pki().managerKey(), s.pki().managerChain(), PinnedCaTrust.forRoot(s.pki().ca().root()));
        AuditLog audit = s.audit();
        AccessControl access = new AccessControl(s.adminToken(), s.consoleSessions(), s.db(), audit);
        DeviceRoutes deviceRoutes = new DeviceRoutes(s.enrollment(), s.devices());
        AdminRoutes adminRoutes = new AdminRoutes(s.keys(), s.devices(), s.fleet());
        PublicRoutes publicRoutes = new PublicRoutes(s.crl(), s.tokenKeys(), s.metrics());
        SessionRoutes sessionRoutes = new SessionRoutes(s.signIn(), s.accounts(), s.clock());
        AccountRoutes accountRoutes = new AccountRoutes(s.accounts());
        PolicyRoutes policyRoutes = new PolicyRoutes(s.policies());
        FleetRoutes fleetRoutes = new FleetRoutes(s.overview(), s.fleet());
        AuditRoutes auditRoutes = new AuditRoutes(s.db(), s.auditRepository(), audit, s.clock());
        EventStream eventStream = new EventStream(s.events(), s.overview(), s.fleet(), access, s.clock(), eventHeartbeat);
        ConsoleRoutes consoleRoutes = new ConsoleRoutes();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = Exchange.MAX_BODY_BYTES;
            config.jetty.addConnector((server, httpConfig) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setSslContext(tls);
                ssl.setIncludeProtocols(TlsContexts.PROTOCOL);
                ssl.setWantClientAuth(true);
                ssl.setEndpointIdentificationAlgorithm(null);
                HttpConfiguration https = new HttpConfiguration(httpConfig);
                // Devices reach the manager by IP as often as by name, so the SNI name is not required to match.
                https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
                ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                        new HttpConnectionFactory(https));
                connector.setHost(bindAddress);
                connector.setPort(port);
                return connector;
            });
            config.requestLogger.http((ctx, ms) -> {
                var matched = ctx.endpoints().matchedHttpEndpoint();
                String route = matched == null ? "unmatched" : matched.path;
                s.metrics().requests.labelValues(route, Integer.toString(ctx.status().getCode())).inc();
                s.metrics().requestSeconds.labelValues(route).observe(ms / 1000.0);
            });
            config.routes.before(SecurityHeaders::add);
            config.routes.beforeMatched(access::check);
            deviceRoutes.register(config.routes);
            adminRoutes.register(config.routes);
            publicRoutes.register(config.routes);
            sessionRoutes.register(config.routes);
            accountRoutes.register(config.routes);
            policyRoutes.register(config.routes);
            fleetRoutes.register(config.routes);
            auditRoutes.register(config.routes);
            eventStream.register(config.routes);
            consoleRoutes.register(config.routes);
            config.routes.exception(BraidException.class, (e, ctx) -> Exchange.error(ctx, e.code(), e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> Exchange.error(ctx,
                    e.getStatus() == 413 ? ErrorCode.BODY_TOO_LARGE : e.getStatus() == 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_INPUT,
                    e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("request failed: {} {}", ctx.method(), ctx.path(), e);
                Exchange.error(ctx, ErrorCode.INTERNAL, "internal server error");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
                    Exchange.error(ctx, ErrorCode.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path());
                }
            });
            config.routes.error(405, ctx -> Exchange.error(ctx, ErrorCode.BAD_INPUT, "method not allowed: " + ctx.method() + " " + ctx.path()));
        });
        AccessTable.requireComplete(app.unsafe.internalRouter.allHttpHandlers());
        app.start();
        return new ManagerHttpServer(app);
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        app.stop();
    }
}

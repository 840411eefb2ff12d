package io.braid.server.api;

import io.braid.core.manager.ManagerApi;
import io.braid.server.auth.TokenKeys;
import io.braid.server.devices.CrlService;
import io.braid.server.observe.Metrics;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** Unauthenticated endpoints: the CRL, the token keys, health and metrics. */
final class PublicRoutes {
    private final CrlService crl;
    private final TokenKeys tokenKeys;
    private final Metrics metrics;

    PublicRoutes(CrlService crl, TokenKeys tokenKeys, Metrics metrics) {
        this.crl = crl;
        this.tokenKeys = tokenKeys;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.get(ManagerApi.CRL, ctx -> ctx.contentType("application/pkix-crl").result(crl.current()));
        routes.get(ManagerApi.JWKS, ctx -> ctx.contentType("application/json").result(tokenKeys.publicJwks().toString()));
        routes.get(ManagerApi.HEALTH, ctx -> Exchange.json(ctx, 200, Map.of("status", "ok")));
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }
}

package io.braid.server.api;

import io.braid.server.fleet.FleetOverview;
import io.braid.server.fleet.FleetState;
import io.javalin.config.RoutesConfig;

/** The live fleet: overview figures, connected headends, tunnel sessions (optionally of one device). */
final class FleetRoutes {
    private final FleetOverview overview;
    private final FleetState fleet;

    FleetRoutes(FleetOverview overview, FleetState fleet) {
        this.overview = overview;
        this.fleet = fleet;
    }

    void register(RoutesConfig routes) {
        routes.get(AdminApi.OVERVIEW, ctx -> Exchange.json(ctx, 200, overview.overview()));
        routes.get(AdminApi.HEADENDS, ctx -> Exchange.json(ctx, 200, fleet.headends()));
        routes.get(AdminApi.SESSIONS, ctx -> {
            String device = ctx.queryParam("device");
            Exchange.json(ctx, 200, device == null ? fleet.sessions() : fleet.sessionsOf(device));
        });
    }
}

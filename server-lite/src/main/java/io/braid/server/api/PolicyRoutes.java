package io.braid.server.api;

import io.braid.server.policy.PolicyService;
import io.braid.server.policy.RuleValidator;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** Access policy rules: list, create, replace, delete. */
final class PolicyRoutes {
    private final PolicyService policies;

    PolicyRoutes(PolicyService policies) {
        this.policies = policies;
    }

    void register(RoutesConfig routes) {
        routes.get(AdminApi.POLICIES, ctx -> Exchange.json(ctx, 200, policies.list()));
        routes.post(AdminApi.POLICIES, ctx -> Exchange.json(ctx, 201,
                policies.create(Exchange.body(ctx, RuleValidator.RuleRequest.class), AdminRoutes.actor(ctx))));
        routes.put(AdminApi.POLICY, ctx -> Exchange.json(ctx, 200,
                policies.replace(ctx.pathParam("id"), Exchange.body(ctx, RuleValidator.RuleRequest.class), AdminRoutes.actor(ctx))));
        routes.delete(AdminApi.POLICY, ctx -> {
            policies.delete(ctx.pathParam("id"), AdminRoutes.actor(ctx));
            Exchange.json(ctx, 200, Map.of("deleted", ctx.pathParam("id")));
        });
    }
}

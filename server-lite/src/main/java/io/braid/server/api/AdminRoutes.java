package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.audit.AuditLog;
import io.braid.server.auth.AdminToken;
import io.braid.server.devices.DeviceService;
import io.braid.server.enroll.EnrollmentKeyService;
import io.braid.server.store.AuditRepository;
import io.braid.server.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;

/** The administrative API: enrollment keys, devices and the audit log, for holders of the admin token. */
final class AdminRoutes {
    private static final String BEARER = "Bearer ";

    private final AdminToken adminToken;
    private final EnrollmentKeyService keys;
    private final DeviceService devices;
    private final Database db;
    private final AuditRepository auditLog;

    AdminRoutes(AdminToken adminToken, EnrollmentKeyService keys, DeviceService devices, Database db, AuditRepository auditLog) {
        this.adminToken = adminToken;
        this.keys = keys;
        this.devices = devices;
        this.db = db;
        this.auditLog = auditLog;
    }

    @FunctionalInterface
    private interface AdminHandler {
        void handle(Context ctx, AuditLog.Actor actor) throws Exception;
    }

    void register(RoutesConfig routes) {
        routes.post(AdminApi.KEYS, admin((ctx, actor) -> Exchange.json(ctx, 201,
                keys.create(Exchange.body(ctx, EnrollmentKeyService.CreateRequest.class), actor))));
        routes.get(AdminApi.KEYS, admin((ctx, actor) -> Exchange.json(ctx, 200, keys.list())));
        routes.post(AdminApi.KEY_REVOKE, admin((ctx, actor) -> Exchange.json(ctx, 200, keys.revoke(ctx.pathParam("id"), actor))));

        routes.get(AdminApi.DEVICES, admin((ctx, actor) -> Exchange.json(ctx, 200, devices.list())));
        routes.get(AdminApi.DEVICE, admin((ctx, actor) -> Exchange.json(ctx, 200, devices.show(ctx.pathParam("id")))));
        routes.post(AdminApi.DEVICE_ACTION, admin((ctx, actor) -> {
            String id = ctx.pathParam("id");
            Object result = switch (ctx.pathParam("action")) {
                case "disable" -> devices.disable(id, actor);
                case "enable" -> devices.enable(id, actor);
                case "revoke" -> devices.revoke(id, actor);
                default -> throw new BraidException(ErrorCode.NOT_FOUND, "no such device action: " + ctx.pathParam("action"));
            };
            Exchange.json(ctx, 200, result);
        }));
        routes.delete(AdminApi.DEVICE, admin((ctx, actor) -> {
            devices.delete(ctx.pathParam("id"), actor);
            Exchange.json(ctx, 200, Map.of("deleted", ctx.pathParam("id")));
        }));

        routes.get(AdminApi.AUDIT, admin((ctx, actor) -> {
            int limit = limit(ctx.queryParam("limit"));
            Exchange.json(ctx, 200, db.read(c -> auditLog.recent(c, limit)));
        }));
    }

    private Handler admin(AdminHandler handler) {
        return ctx -> {
            String header = ctx.header("Authorization");
            if (header == null || !header.startsWith(BEARER)) {
                throw new BraidException(ErrorCode.UNAUTHENTICATED, "this endpoint needs the admin token (Authorization: Bearer ...)");
            }
            if (!adminToken.matches(header.substring(BEARER.length()).trim())) {
                throw new BraidException(ErrorCode.UNAUTHENTICATED, "the admin token is not valid");
            }
            handler.handle(ctx, new AuditLog.Actor("admin", ctx.ip()));
        };
    }

    private static int limit(String text) {
        if (text == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BraidException(ErrorCode.BAD_INPUT, "limit must be a number from 1 to 10000");
    }
}

package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.audit.AuditLog;
import io.braid.server.devices.DeviceService;
import io.braid.server.enroll.EnrollmentKeyService;
import io.braid.server.fleet.FleetState;
import io.braid.server.fleet.Session;
import io.braid.server.store.Device;
import io.braid.server.store.EnrollmentKey;
import io.braid.server.store.IssuedCertificate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Enrollment keys and devices. Who may call what is decided by {@link AccessTable}, before these handlers run. */
final class AdminRoutes {
    private final EnrollmentKeyService keys;
    private final DeviceService devices;
    private final FleetState fleet;

    AdminRoutes(EnrollmentKeyService keys, DeviceService devices, FleetState fleet) {
        this.keys = keys;
        this.devices = devices;
        this.fleet = fleet;
    }

    /** A new key as the API answers: the service's result plus a QR code of the link (the only time it can be drawn). */
    record KeyCreated(EnrollmentKey key, String secret, String link, String qrSvg) {}

    /** A device with its certificates and its live sessions (none until a headend reports one). */
    record DeviceView(Device device, List<IssuedCertificate> certificates,
            List<Session> sessions) {}

    void register(RoutesConfig routes) {
        routes.post(AdminApi.KEYS, ctx -> {
            var created = keys.create(Exchange.body(ctx, EnrollmentKeyService.CreateRequest.class), actor(ctx));
            Exchange.json(ctx, 201, new KeyCreated(created.key(), created.secret(), created.link(), QrCodes.svg(created.link())));
        });
        routes.get(AdminApi.KEYS, ctx -> Exchange.json(ctx, 200, keys.list()));
        routes.post(AdminApi.KEY_REVOKE, ctx -> Exchange.json(ctx, 200, keys.revoke(ctx.pathParam("id"), actor(ctx))));

        routes.get(AdminApi.DEVICES, ctx -> Exchange.json(ctx, 200, devices.list()));
        routes.get(AdminApi.DEVICE, ctx -> {
            DeviceService.Detail d = devices.show(ctx.pathParam("id"));
            Exchange.json(ctx, 200, new DeviceView(d.device(), d.certificates(), fleet.sessionsOf(d.device().id())));
        });
        routes.post(AdminApi.DEVICE_ACTION, ctx -> {
            String id = ctx.pathParam("id");
            Object result = switch (ctx.pathParam("action")) {
                case "disable" -> devices.disable(id, actor(ctx));
                case "enable" -> devices.enable(id, actor(ctx));
                case "revoke" -> devices.revoke(id, actor(ctx));
                default -> throw new BraidException(ErrorCode.NOT_FOUND, "no such device action: " + ctx.pathParam("action"));
            };
            Exchange.json(ctx, 200, result);
        });
        routes.delete(AdminApi.DEVICE, ctx -> {
            devices.delete(ctx.pathParam("id"), actor(ctx));
            Exchange.json(ctx, 200, Map.of("deleted", ctx.pathParam("id")));
        });
    }

    static AuditLog.Actor actor(Context ctx) {
        return AccessControl.principal(ctx).actor(ctx.ip());
    }
}

package io.braid.server.api;

import io.braid.core.manager.ManagerApi;
import io.braid.server.devices.DeviceService;
import io.braid.server.enroll.EnrollmentService;
import io.javalin.config.RoutesConfig;

/** What devices call: enrollment (anonymous, with a key) and, over mutual TLS, token refresh, renewal and settings. */
final class DeviceRoutes {
    private final EnrollmentService enrollment;
    private final DeviceService devices;

    DeviceRoutes(EnrollmentService enrollment, DeviceService devices) {
        this.enrollment = enrollment;
        this.devices = devices;
    }

    void register(RoutesConfig routes) {
        routes.post(ManagerApi.ENROLL, ctx -> Exchange.json(ctx, 201,
                enrollment.enroll(Exchange.body(ctx, ManagerApi.EnrollRequest.class), ctx.ip())));
        routes.post(ManagerApi.DEVICE_TOKEN, ctx -> Exchange.json(ctx, 200,
                devices.refreshToken(Exchange.clientCertificate(ctx))));
        routes.post(ManagerApi.DEVICE_RENEW, ctx -> Exchange.json(ctx, 200,
                devices.renew(Exchange.clientCertificate(ctx), Exchange.body(ctx, ManagerApi.RenewRequest.class), ctx.ip())));
        routes.get(ManagerApi.DEVICE_SETTINGS, ctx -> Exchange.json(ctx, 200,
                devices.settings(Exchange.clientCertificate(ctx))));
    }
}

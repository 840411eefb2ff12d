package io.braid.core.manager;

import java.time.Instant;

/**
 * The manager's device-facing REST API: paths and bodies, shared by the server that answers and the
 * client that asks, so the two cannot drift apart. Administrative endpoints live in server-lite.
 */
public final class ManagerApi {
    public static final String ENROLL = "/api/v1/enroll";
    public static final String DEVICE_TOKEN = "/api/v1/device/token";
    public static final String DEVICE_RENEW = "/api/v1/device/renew";
    public static final String DEVICE_SETTINGS = "/api/v1/device/settings";
    public static final String CRL = "/crl";
    public static final String JWKS = "/.well-known/jwks.json";
    public static final String HEALTH = "/healthz";
    public static final int DEFAULT_PORT = 8443;

    private ManagerApi() {}

    /** Sent by a device with its enrollment key; {@code csr} is a PEM PKCS#10 request made on the device. */
    public record EnrollRequest(String key, String csr, String name, String os) {}

    /** Everything an enrolled device leaves with. {@code caChain} is PEM, issuing CA first, root last. */
    public record EnrollResponse(
            String deviceId, String name, String certificate, String caChain, AccessToken token, TunnelSettings settings) {}

    /** A short-lived ES256 JWT bound to the device certificate. */
    public record AccessToken(String accessToken, Instant expiresAt) {}

    public record RenewRequest(String csr) {}

    public record RenewResponse(String certificate, String caChain) {}

    /** The body of every error answer: a stable code from {@link io.braid.core.ErrorCode} and a human message. */
    public record ErrorBody(String error, String message) {}
}

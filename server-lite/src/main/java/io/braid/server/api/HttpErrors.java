package io.braid.server.api;

import io.braid.core.ErrorCode;

/** The HTTP status for each Braid error code; the JSON body always carries the code itself. */
public final class HttpErrors {
    private HttpErrors() {}

    public static int status(ErrorCode code) {
        return switch (code) {
            case BAD_INPUT, MALFORMED_LINK, CSR_INVALID, CSR_KEY_NOT_ALLOWED -> 400;
            case UNAUTHENTICATED -> 401;
            case KEY_UNKNOWN, KEY_EXPIRED, KEY_REVOKED, KEY_USED_UP, DEVICE_DISABLED, DEVICE_REVOKED, FORBIDDEN, CSRF_REJECTED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, ALREADY_ENROLLED -> 409;
            case BODY_TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            default -> 500;
        };
    }
}

package io.braid.core.control;

/** Why a headend ends a session, as sent in {@link ControlMessage.Close}; stable wire names. */
public final class CloseReason {
    public static final String SHUTDOWN = "shutdown";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String REVOKED = "revoked";
    public static final String DISABLED = "disabled";
    public static final String TOKEN_EXPIRED = "token_expired";
    public static final String PROTOCOL_ERROR = "protocol_error";
    public static final String IDLE = "idle";
    public static final String REPLACED = "replaced";

    private CloseReason() {}

    /** Reasons after which reconnecting cannot help until an administrator acts. */
    public static boolean isPermanent(String reason) {
        return REVOKED.equals(reason) || DISABLED.equals(reason) || UNAUTHORIZED.equals(reason);
    }
}

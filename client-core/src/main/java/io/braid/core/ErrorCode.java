package io.braid.core;

/**
 * Every reason Braid can refuse or fail, with the stable wire id used in JSON errors and the
 * process exit code used by the CLIs. Ids and exit codes are part of the scripting contract:
 * add new ones, never renumber.
 */
public enum ErrorCode {
    /** Wrong command-line usage or a malformed value. */
    BAD_INPUT("bad_input", 2),
    MALFORMED_LINK("malformed_link", 2),
    NOT_FOUND("not_found", 3),
    ALREADY_ENROLLED("already_enrolled", 4),
    NOT_ENROLLED("not_enrolled", 5),

    KEY_UNKNOWN("key_unknown", 10),
    KEY_EXPIRED("key_expired", 11),
    KEY_REVOKED("key_revoked", 12),
    KEY_USED_UP("key_used_up", 13),
    CSR_INVALID("csr_invalid", 14),
    CSR_KEY_NOT_ALLOWED("csr_key_not_allowed", 15),
    RATE_LIMITED("rate_limited", 16),
    DEVICE_DISABLED("device_disabled", 17),
    DEVICE_REVOKED("device_revoked", 18),
    UNAUTHENTICATED("unauthenticated", 19),
    FORBIDDEN("forbidden", 20),
    BODY_TOO_LARGE("body_too_large", 21),
    CONFLICT("conflict", 22),
    /** A state-changing request made with a console session lacked a matching CSRF token or came from another origin. */
    CSRF_REJECTED("csrf_rejected", 23),

    CA_MISMATCH("ca_mismatch", 30),
    SERVER_UNREACHABLE("server_unreachable", 31),
    BAD_SERVER_RESPONSE("bad_server_response", 32),
    CERTIFICATE_MISMATCH("certificate_mismatch", 33),
    TLS_FAILURE("tls_failure", 34),
    /** No agent answers on the local API socket (not started, crashed, or a stale socket file). */
    AGENT_UNAVAILABLE("agent_unavailable", 35),

    STORE_FAILURE("store_failure", 40),
    /** A feature this build does not have yet (a reserved local API method, or no tunnel engine). */
    NOT_IMPLEMENTED("not_implemented", 41),
    INTERNAL("internal", 70);

    private final String id;
    private final int exitCode;

    ErrorCode(String id, int exitCode) {
        this.id = id;
        this.exitCode = exitCode;
    }

    /** The stable snake_case id used in JSON (`{"error": id}`). */
    public String id() {
        return id;
    }

    /** The process exit code a CLI returns for this error; never 0. */
    public int exitCode() {
        return exitCode;
    }

    /** The code with this wire id, or {@link #INTERNAL} for an id this build does not know. */
    public static ErrorCode fromId(String id) {
        for (ErrorCode c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return INTERNAL;
    }
}

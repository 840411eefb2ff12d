package io.braid.server.api;

/**
 * Paths of the administrative API, shared with the admin CLI and listed with their required permission
 * in {@link AccessTable}. Callers authenticate with the admin token (Authorization: Bearer) or a console
 * session cookie.
 */
public final class AdminApi {
    public static final String KEYS = "/api/v1/keys";
    public static final String KEY = "/api/v1/keys/{id}";
    public static final String KEY_REVOKE = "/api/v1/keys/{id}/revoke";
    public static final String DEVICES = "/api/v1/devices";
    public static final String DEVICE = "/api/v1/devices/{id}";
    public static final String DEVICE_ACTION = "/api/v1/devices/{id}/{action}";
    public static final String AUDIT = "/api/v1/audit";
    public static final String AUDIT_EXPORT = "/api/v1/audit/export";
    public static final String ACCOUNTS = "/api/v1/accounts";
    public static final String ACCOUNT_ACTION = "/api/v1/accounts/{id}/{action}";
    public static final String ACCOUNT_PASSWORD = "/api/v1/accounts/{id}/password";
    public static final String POLICIES = "/api/v1/policies";
    public static final String POLICY = "/api/v1/policies/{id}";
    public static final String SESSION = "/api/v1/session";
    public static final String SESSION_TOKEN = "/api/v1/session/token";
    public static final String OVERVIEW = "/api/v1/overview";
    public static final String HEADENDS = "/api/v1/headends";
    public static final String SESSIONS = "/api/v1/sessions";
    public static final String EVENTS = "/api/v1/events";

    private AdminApi() {}

    /** A concrete path: the template with {id} filled in; ids are checked so no input can reach another endpoint. */
    public static String path(String template, String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new io.braid.core.BraidException(io.braid.core.ErrorCode.BAD_INPUT, "'" + id + "' is not a valid id");
        }
        return template.replace("{id}", id);
    }
}

package io.braid.server.api;

/** Paths of the administrative API (bearer-token authenticated), shared with the admin CLI. */
public final class AdminApi {
    public static final String KEYS = "/api/v1/keys";
    public static final String KEY = "/api/v1/keys/{id}";
    public static final String KEY_REVOKE = "/api/v1/keys/{id}/revoke";
    public static final String DEVICES = "/api/v1/devices";
    public static final String DEVICE = "/api/v1/devices/{id}";
    public static final String DEVICE_ACTION = "/api/v1/devices/{id}/{action}";
    public static final String AUDIT = "/api/v1/audit";

    private AdminApi() {}

    /** A concrete path: the template with {id} filled in; ids are checked so no input can reach another endpoint. */
    public static String path(String template, String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new io.braid.core.BraidException(io.braid.core.ErrorCode.BAD_INPUT, "'" + id + "' is not a valid id");
        }
        return template.replace("{id}", id);
    }
}

package io.braid.server.accounts;

/** One thing a role may do through the API; routes each require exactly one (see {@code api.AccessTable}). */
public enum Permission {
    /** Overview, headends, sessions and the live event stream. */
    FLEET_READ("fleet:read"),
    DEVICES_READ("devices:read"),
    /** Disable, enable, revoke, delete devices. */
    DEVICES_WRITE("devices:write"),
    KEYS_READ("keys:read"),
    /** Create and revoke enrollment keys. */
    KEYS_WRITE("keys:write"),
    POLICIES_READ("policies:read"),
    POLICIES_WRITE("policies:write"),
    AUDIT_READ("audit:read"),
    /** Download the audit log as CSV. */
    AUDIT_EXPORT("audit:export"),
    ACCOUNTS_READ("accounts:read"),
    /** Create accounts, disable/enable them, reset their password or second factor. */
    ACCOUNTS_WRITE("accounts:write");

    private final String id;

    Permission(String id) {
        this.id = id;
    }

    /** The stable wire name, as the console and docs/api.md use it. */
    public String id() {
        return id;
    }
}

package io.braid.server.accounts;

import io.braid.server.audit.AuditLog;
import io.braid.server.store.ConsoleSession;

/**
 * Who is making a request: the admin token's holder (by bearer header or a console session opened with
 * it) or a signed-in account. {@code session} is set for cookie-authenticated requests only, which are
 * the ones that need CSRF protection.
 */
public record Principal(String name, Role role, String accountId, ConsoleSession session) {
    /** The audit name of the admin token's holder, as the CLI has always recorded it. */
    public static final String ADMIN_TOKEN = "admin";

    public static Principal adminToken() {
        return new Principal(ADMIN_TOKEN, Role.ADMIN, null, null);
    }

    /** Accounts appear in the audit log as {@code user:NAME}, apart from devices and the token. */
    public static String accountActor(String username) {
        return "user:" + username;
    }

    public AuditLog.Actor actor(String source) {
        return new AuditLog.Actor(name, source);
    }

    public boolean viaSession() {
        return session != null;
    }
}

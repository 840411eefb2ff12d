package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.accounts.ConsoleSessions;
import io.braid.server.accounts.Principal;
import io.braid.server.audit.AuditLog;
import io.braid.server.auth.AdminToken;
import io.braid.server.store.Database;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every matched route: finds the caller (admin token as a bearer header, or a console
 * session cookie), applies the CSRF check to cookie-authenticated state changes, and checks the
 * permission {@link AccessTable} requires. Handlers read the caller with {@link #principal}.
 * Refused state changes by signed-in callers are audited (reads are not, to keep the log useful).
 */
final class AccessControl {
    private static final Logger log = LoggerFactory.getLogger(AccessControl.class);
    static final String SESSION_COOKIE = "__Host-braid_session";
    private static final String BEARER = "Bearer ";
    private static final String PRINCIPAL = "braid.principal";

    private final AdminToken adminToken;
    private final ConsoleSessions sessions;
    private final Database db;
    private final AuditLog audit;

    AccessControl(AdminToken adminToken, ConsoleSessions sessions, Database db, AuditLog audit) {
        this.adminToken = adminToken;
        this.sessions = sessions;
        this.db = db;
        this.audit = audit;
    }

    void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String method = ctx.method().name();
        AccessTable.Access access = AccessTable.lookup(method, endpoint.path).orElse(null);
        if (access == null) {
            log.error("route {} {} has no line in AccessTable; refusing it", method, endpoint.path);
            throw new BraidException(ErrorCode.FORBIDDEN, "this endpoint is not open to anyone yet");
        }
        if (access instanceof AccessTable.Access.Public || access instanceof AccessTable.Access.Device) {
            return;
        }
        Principal principal = authenticate(ctx).orElseThrow(() -> new BraidException(ErrorCode.UNAUTHENTICATED,
                "sign in first: send the admin token (Authorization: Bearer ...) or a console session cookie"));
        boolean changes = !isSafe(ctx.method());
        if (changes && principal.viaSession()) {
            try {
                CsrfCheck.require(ctx, principal.session());
            } catch (BraidException e) {
                denied(ctx, principal, e.getMessage());
                throw e;
            }
        }
        if (access instanceof AccessTable.Access.Needs(var permission) && !principal.role().allows(permission)) {
            if (changes) {
                denied(ctx, principal, "role " + principal.role().id() + " lacks " + permission.id());
            }
            throw new BraidException(ErrorCode.FORBIDDEN, "your role (" + principal.role().id() + ") does not allow this; it needs "
                    + permission.id());
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The caller, if the request carries a valid admin token or a live session cookie; counts as activity. */
    Optional<Principal> authenticate(Context ctx) {
        return authenticate(ctx, true);
    }

    /** Whether the caller of a long-running request (an event stream) is still signed in, without counting as activity. */
    boolean stillAuthenticated(Context ctx) {
        try {
            return authenticate(ctx, false).isPresent();
        } catch (BraidException e) {
            return false;
        }
    }

    private Optional<Principal> authenticate(Context ctx, boolean activity) {
        String header = ctx.header("Authorization");
        if (header != null) {
            if (!header.startsWith(BEARER) || !adminToken.matches(header.substring(BEARER.length()).trim())) {
                throw new BraidException(ErrorCode.UNAUTHENTICATED, "the admin token is not valid");
            }
            return Optional.of(Principal.adminToken());
        }
        return sessions.resolve(ctx.cookie(SESSION_COOKIE), activity);
    }

    /** The caller {@link #check} found; only for routes that need one. */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("no principal on " + ctx.path() + ": is its AccessTable line public?");
        }
        return p;
    }

    private static boolean isSafe(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }

    private void denied(Context ctx, Principal principal, String why) {
        try {
            db.inTransaction(c -> {
                String target = ctx.method().name() + " " + ctx.path();
                audit.record(c, principal.actor(ctx.ip()), "access.denied", target.substring(0, Math.min(128, target.length())),
                        AuditLog.FAILURE, why);
                return null;
            });
        } catch (RuntimeException e) {
            log.error("could not audit a refused request", e);
        }
    }
}

package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.accounts.AccountService;
import io.braid.server.accounts.Permission;
import io.braid.server.accounts.Principal;
import io.braid.server.accounts.SignIn;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Signing in and out of the console, and "who am I" for the page. */
final class SessionRoutes {
    private final SignIn signIn;
    private final AccountService accounts;
    private final Clock clock;

    SessionRoutes(SignIn signIn, AccountService accounts, Clock clock) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * What the page needs to know about its caller. {@code firstAccountNeeded} is true while no account
     * exists: the console then asks the token holder to create the first admin account.
     */
    record Me(String name, String role, List<String> permissions, String accountId, boolean viaToken, Instant expiresAt,
            boolean firstAccountNeeded) {}

    void register(RoutesConfig routes) {
        routes.post(AdminApi.SESSION, ctx -> {
            CsrfCheck.requireSameOriginIfBrowser(ctx);
            var opened = signIn.withPassword(Exchange.body(ctx, SignIn.PasswordRequest.class), ctx.ip());
            SessionCookies.set(ctx, opened, clock.instant());
            Exchange.json(ctx, 201, me(opened.principal(), opened.expiresAt()));
        });
        routes.post(AdminApi.SESSION_TOKEN, ctx -> {
            CsrfCheck.requireSameOriginIfBrowser(ctx);
            var opened = signIn.withAdminToken(Exchange.body(ctx, SignIn.TokenRequest.class), ctx.ip());
            SessionCookies.set(ctx, opened, clock.instant());
            Exchange.json(ctx, 201, me(opened.principal(), opened.expiresAt()));
        });
        routes.get(AdminApi.SESSION, ctx -> {
            Principal p = AccessControl.principal(ctx);
            Exchange.json(ctx, 200, me(p, p.viaSession() ? p.session().expiresAt() : null));
        });
        routes.delete(AdminApi.SESSION, ctx -> signOut(ctx, AccessControl.principal(ctx)));
    }

    private void signOut(Context ctx, Principal p) {
        if (!p.viaSession()) {
            throw new BraidException(ErrorCode.BAD_INPUT, "there is no console session to end (the admin token cannot be signed out)");
        }
        signIn.signOut(p, ctx.ip());
        SessionCookies.clear(ctx);
        Exchange.json(ctx, 200, Map.of("signedOut", true));
    }

    private Me me(Principal p, Instant expiresAt) {
        List<String> permissions = p.role().permissions().stream().sorted().map(Permission::id).toList();
        boolean firstAccountNeeded = p.accountId() == null && !accounts.any();
        return new Me(p.name(), p.role().id(), permissions, p.accountId(), p.accountId() == null, expiresAt, firstAccountNeeded);
    }
}

package io.braid.server.api;

import io.braid.server.accounts.ConsoleSessions;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;

/**
 * The two console cookies. Both use the {@code __Host-} prefix (the browser insists on Secure, Path=/
 * and no Domain, so no other host can set or read them) and SameSite=Strict. The session cookie is
 * HttpOnly (scripts never see it); the CSRF cookie is readable by the console's script, which echoes it
 * in a header: that echo is what a forged cross-site request cannot produce.
 */
final class SessionCookies {
    private SessionCookies() {}

    static void set(Context ctx, ConsoleSessions.Opened opened, Instant now) {
        long maxAge = Math.max(0, Duration.between(now, opened.expiresAt()).toSeconds());
        add(ctx, AccessControl.SESSION_COOKIE, opened.token(), maxAge, true);
        add(ctx, CsrfCheck.COOKIE, opened.csrfToken(), maxAge, false);
    }

    static void clear(Context ctx) {
        add(ctx, AccessControl.SESSION_COOKIE, "", 0, true);
        add(ctx, CsrfCheck.COOKIE, "", 0, false);
    }

    private static void add(Context ctx, String name, String value, long maxAgeSeconds, boolean httpOnly) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; Secure"
                + (httpOnly ? "; HttpOnly" : "") + "; SameSite=Strict");
    }
}

package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.accounts.ConsoleSessions;
import io.braid.server.store.ConsoleSession;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Cross-site request forgery defence for cookie-authenticated state changes. SameSite=Strict cookies
 * already keep other sites' requests unauthenticated in current browsers; on top of that, as defence
 * in depth, every non-GET request with a session cookie must
 * <ol>
 *   <li>come from this origin: {@code Origin} present and equal to {@code https://} + {@code Host}, and
 *       {@code Sec-Fetch-Site}, when the browser sends it, {@code same-origin};</li>
 *   <li>carry the double-submit token: header {@value #HEADER} equal to the {@value #COOKIE} cookie, which
 *       must also be the token issued with this session (so a cookie planted by a sibling host does not help).</li>
 * </ol>
 * Bearer-token requests (the CLI) carry no ambient credential and need none of this.
 */
final class CsrfCheck {
    static final String COOKIE = "__Host-braid_csrf";
    static final String HEADER = "X-Braid-CSRF";

    private CsrfCheck() {}

    static void require(Context ctx, ConsoleSession session) {
        requireSameOrigin(ctx);
        String header = ctx.header(HEADER);
        String cookie = ctx.cookie(COOKIE);
        if (header == null || header.isEmpty()) {
            throw refused("the " + HEADER + " header is missing");
        }
        if (cookie == null || !cookie.equals(header) || !ConsoleSessions.csrfMatches(session, header)) {
            throw refused("the " + HEADER + " header does not match this session's token");
        }
    }

    /** The origin part alone, also applied to sign-in so no other site can sign a browser in. Absent Origin passes here (a CLI). */
    static void requireSameOriginIfBrowser(Context ctx) {
        if (ctx.header("Origin") != null || ctx.header("Sec-Fetch-Site") != null) {
            requireSameOrigin(ctx);
        }
    }

    private static void requireSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin == null || host == null) {
            throw refused("the Origin header is missing");
        }
        if (!origin.toLowerCase(Locale.ROOT).equals("https://" + host.toLowerCase(Locale.ROOT))) {
            throw refused("the request comes from another origin (" + origin + ")");
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            throw refused("the request comes from another site (Sec-Fetch-Site: " + site + ")");
        }
    }

    private static BraidException refused(String why) {
        return new BraidException(ErrorCode.CSRF_REJECTED, "refused as a possible cross-site request: " + why);
    }
}

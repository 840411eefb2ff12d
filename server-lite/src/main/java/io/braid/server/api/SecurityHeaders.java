package io.braid.server.api;

import io.javalin.http.Context;

/**
 * Headers on every answer, API or console: HTTPS only from now on (HSTS), no MIME sniffing, no framing,
 * no referrer leaking ids, no caching of API answers (they hold device lists and secrets shown once).
 * Console files override Cache-Control with revalidation and add their Content-Security-Policy.
 */
final class SecurityHeaders {
    private SecurityHeaders() {}

    static void add(Context ctx) {
        ctx.header("Strict-Transport-Security", "max-age=31536000");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}

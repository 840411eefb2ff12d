package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Serves the admin console (HTML, JavaScript modules, CSS from the jar: no build step, no CDN, works
 * offline). The browser revalidates each file by its ETag (cheap 304s), so an upgraded server is never
 * shown with a stale script. The page gets a strict Content-Security-Policy: only its own scripts,
 * styles and API; no inline code, no framing.
 */
final class ConsoleRoutes {
    static final String INDEX = "/console/";
    static final String FILES = "/console/<file>";
    static final String FAVICON = "/favicon.ico";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Map<String, ConsoleFiles.File> files = ConsoleFiles.load();

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect(INDEX));
        // Browsers ask every origin for this, also when someone opens an API address directly.
        routes.get(FAVICON, ctx -> ctx.redirect(INDEX + "icon.svg"));
        routes.get(INDEX, ctx -> serve(ctx, "index.html"));
        routes.get(FILES, ctx -> serve(ctx, ctx.pathParam("file")));
    }

    private void serve(Context ctx, String name) {
        ConsoleFiles.File file = files.get(name);
        if (file == null) {
            throw new BraidException(ErrorCode.NOT_FOUND, "no console file " + name);
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        if (file.type().startsWith("text/html")) {
            ctx.header("Content-Security-Policy", CSP);
        }
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(file.type()).result(file.bytes());
    }
}

package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.auth.Sha256;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The admin console's static files (HTML, JavaScript modules, CSS) from the jar's {@code console/}
 * folder: no build step, no CDN, works offline. Names are checked against a strict pattern before any
 * lookup, so no request reaches another resource. Files are cached in memory with an ETag; the browser
 * revalidates (cheap 304s) so an upgraded server is never shown with a stale script. The page gets a
 * strict Content-Security-Policy: only its own scripts, styles and API; no inline code, no framing.
 */
final class ConsoleRoutes {
    static final String INDEX = "/console/";
    static final String FILES = "/console/<file>";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private record File(byte[] bytes, String type, String etag) {}

    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect(INDEX));
        routes.get(INDEX, ctx -> serve(ctx, "index.html"));
        routes.get(FILES, ctx -> serve(ctx, ctx.pathParam("file")));
    }

    private void serve(Context ctx, String name) {
        File file = (NAME.matcher(name).matches() ? cache.computeIfAbsent(name, ConsoleRoutes::load) : Optional.<File>empty())
                .orElseThrow(() -> new BraidException(ErrorCode.NOT_FOUND, "no console file " + name));
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

    private static Optional<File> load(String name) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + Sha256.hex(new String(bytes, StandardCharsets.ISO_8859_1)).substring(0, 32) + "\"";
            return Optional.of(new File(bytes, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), etag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.braid.server.api;

import static io.braid.server.accounts.Permission.ACCOUNTS_READ;
import static io.braid.server.accounts.Permission.ACCOUNTS_WRITE;
import static io.braid.server.accounts.Permission.AUDIT_EXPORT;
import static io.braid.server.accounts.Permission.AUDIT_READ;
import static io.braid.server.accounts.Permission.DEVICES_READ;
import static io.braid.server.accounts.Permission.DEVICES_WRITE;
import static io.braid.server.accounts.Permission.FLEET_READ;
import static io.braid.server.accounts.Permission.KEYS_READ;
import static io.braid.server.accounts.Permission.KEYS_WRITE;
import static io.braid.server.accounts.Permission.POLICIES_READ;
import static io.braid.server.accounts.Permission.POLICIES_WRITE;

import io.braid.core.manager.ManagerApi;
import io.braid.server.accounts.Permission;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every route of the manager and who may call it: the one place access is decided. {@link AccessControl}
 * looks each matched request up here before its handler runs, and a route missing from this table is
 * refused (a new endpoint is closed until someone writes its line). docs/api.md prints this table.
 */
public final class AccessTable {
    /** Who may call a route: anyone, a device proving itself by mutual TLS (checked by the service), any signed-in caller, or holders of a permission. */
    public sealed interface Access {
        record Public() implements Access {}

        record Device() implements Access {}

        record SignedIn() implements Access {}

        record Needs(Permission permission) implements Access {}
    }

    private static final Access PUBLIC = new Access.Public();
    private static final Access DEVICE = new Access.Device();
    private static final Access SIGNED_IN = new Access.SignedIn();

    static final Map<String, Access> ROUTES = Map.ofEntries(
            route("GET", ManagerApi.HEALTH, PUBLIC),
            route("GET", ManagerApi.CRL, PUBLIC),
            route("GET", ManagerApi.JWKS, PUBLIC),
            route("GET", "/metrics", PUBLIC),
            route("GET", "/", PUBLIC),
            route("GET", ConsoleRoutes.INDEX, PUBLIC),
            route("GET", ConsoleRoutes.FAVICON, PUBLIC),
            route("GET", ConsoleRoutes.FILES, PUBLIC),
            route("POST", ManagerApi.ENROLL, PUBLIC),
            route("POST", ManagerApi.DEVICE_TOKEN, DEVICE),
            route("POST", ManagerApi.DEVICE_RENEW, DEVICE),
            route("GET", ManagerApi.DEVICE_SETTINGS, DEVICE),

            route("POST", AdminApi.SESSION, PUBLIC),
            route("POST", AdminApi.SESSION_TOKEN, PUBLIC),
            route("GET", AdminApi.SESSION, SIGNED_IN),
            route("DELETE", AdminApi.SESSION, SIGNED_IN),

            route("GET", AdminApi.OVERVIEW, needs(FLEET_READ)),
            route("GET", AdminApi.HEADENDS, needs(FLEET_READ)),
            route("GET", AdminApi.SESSIONS, needs(FLEET_READ)),
            route("GET", AdminApi.EVENTS, needs(FLEET_READ)),

            route("GET", AdminApi.DEVICES, needs(DEVICES_READ)),
            route("GET", AdminApi.DEVICE, needs(DEVICES_READ)),
            route("POST", AdminApi.DEVICE_ACTION, needs(DEVICES_WRITE)),
            route("DELETE", AdminApi.DEVICE, needs(DEVICES_WRITE)),

            route("GET", AdminApi.KEYS, needs(KEYS_READ)),
            route("POST", AdminApi.KEYS, needs(KEYS_WRITE)),
            route("POST", AdminApi.KEY_REVOKE, needs(KEYS_WRITE)),

            route("GET", AdminApi.POLICIES, needs(POLICIES_READ)),
            route("POST", AdminApi.POLICIES, needs(POLICIES_WRITE)),
            route("PUT", AdminApi.POLICY, needs(POLICIES_WRITE)),
            route("DELETE", AdminApi.POLICY, needs(POLICIES_WRITE)),

            route("GET", AdminApi.AUDIT, needs(AUDIT_READ)),
            route("GET", AdminApi.AUDIT_EXPORT, needs(AUDIT_EXPORT)),

            route("GET", AdminApi.ACCOUNTS, needs(ACCOUNTS_READ)),
            route("POST", AdminApi.ACCOUNTS, needs(ACCOUNTS_WRITE)),
            route("POST", AdminApi.ACCOUNT_ACTION, needs(ACCOUNTS_WRITE)),
            route("PUT", AdminApi.ACCOUNT_PASSWORD, needs(ACCOUNTS_WRITE)));

    private AccessTable() {}

    /** The rule for a route as registered (method and path template), or empty if it has none. */
    public static Optional<Access> lookup(String method, String pathTemplate) {
        String m = method.equals("HEAD") ? "GET" : method;
        return Optional.ofNullable(ROUTES.get(m + " " + pathTemplate));
    }

    public static Map<String, Access> routes() {
        return ROUTES;
    }

    /** Refuses to start a server with a route this table does not mention (the request-time check would refuse it anyway). */
    static void requireComplete(Iterable<ParsedEndpoint> endpoints) {
        List<String> missing = new ArrayList<>();
        for (var parsed : endpoints) {
            var e = parsed.endpoint;
            if (e.method.isHttpMethod() && lookup(e.method.name(), e.path).isEmpty()) {
                missing.add(e.method.name() + " " + e.path);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("routes without a line in AccessTable: " + missing);
        }
    }

    private static Access needs(Permission p) {
        return new Access.Needs(p);
    }

    private static Map.Entry<String, Access> route(String method, String path, Access access) {
        return Map.entry(method + " " + path, access);
    }
}

package io.braid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.server.accounts.Permission;
import io.braid.server.accounts.Role;
import io.braid.server.store.AuditEntry;
import io.braid.server.testing.ConsoleClient;
import io.braid.server.testing.ConsoleClient.Reply;
import io.braid.server.testing.RunningManager;
import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.store.CredentialStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role matrix, enforced by the API itself: every protected route in {@link AccessTable}, called by
 * a signed-in account of every role, is refused with 403 exactly when the role lacks the route's
 * permission. Refused calls change nothing; refused state changes are audited.
 */
class RoleMatrixTest {
    private static RunningManager manager;

    @BeforeAll
    static void start() {
        manager = new RunningManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** The matrix docs/api.md prints; a change to {@link Role} must change this test and that page together. */
    @Test
    void theMatrixIsTheDocumentedOne() {
        assertThat(Role.ADMIN.permissions()).isEqualTo(EnumSet.allOf(Permission.class));
        assertThat(Role.OPERATOR.permissions()).containsExactlyInAnyOrder(Permission.FLEET_READ, Permission.DEVICES_READ,
                Permission.DEVICES_WRITE, Permission.KEYS_READ, Permission.KEYS_WRITE, Permission.POLICIES_READ, Permission.AUDIT_READ);
        assertThat(Role.VIEWER.permissions()).containsExactlyInAnyOrder(Permission.FLEET_READ, Permission.DEVICES_READ,
                Permission.KEYS_READ, Permission.POLICIES_READ);
        assertThat(Role.AUDITOR.permissions()).containsExactlyInAnyOrder(Permission.FLEET_READ, Permission.DEVICES_READ,
                Permission.KEYS_READ, Permission.POLICIES_READ, Permission.AUDIT_READ, Permission.AUDIT_EXPORT, Permission.ACCOUNTS_READ);
    }

    @Test
    void everyProtectedRouteRefusesExactlyTheRolesWithoutItsPermission() {
        int checked = 0;
        for (Role role : Role.values()) {
            ConsoleClient browser = new ConsoleClient(manager);
            assertThat(browser.signIn(manager.account("user-" + role.id(), role.id())).status()).isEqualTo(201);
            for (var route : AccessTable.routes().entrySet()) {
                if (!(route.getValue() instanceof AccessTable.Access.Needs(var permission))) {
                    continue;
                }
                String method = route.getKey().split(" ")[0];
                String path = concrete(route.getKey().split(" ")[1]);
                Reply r = browser.send(method, path, method.equals("POST") || method.equals("PUT") ? Map.of() : null);
                String what = role.id() + " " + method + " " + path + " -> " + r.status() + " " + r.text();
                if (role.allows(permission)) {
                    assertThat(r.status()).as(what).isNotIn(401, 403);
                } else {
                    assertThat(r.status()).as(what).isEqualTo(403);
                    assertThat(r.error()).as(what).isEqualTo("forbidden");
                    assertThat(r.json().get("message").asText()).contains(permission.id());
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4 * AccessTable.routes().values().stream().filter(a -> a instanceof AccessTable.Access.Needs).count());
        assertThat(manager.server().services().accounts().list()).hasSize(4); // POST /accounts {} was refused or invalid
        var denied = manager.server().services().db().read(c -> manager.server().services().auditRepository().recent(c, 10_000))
                .stream().filter(e -> e.action().equals("access.denied")).map(AuditEntry::actor).distinct().toList();
        assertThat(denied).containsExactlyInAnyOrder("user:user-operator", "user:user-viewer", "user:user-auditor");
    }

    @Test
    void aViewerCannotRevokeADeviceOrCreateAKey(@TempDir Path tmp) {
        String device = new Enrollment(new CredentialStore(tmp), new ManagerClients(Duration.ofSeconds(10)), Clock.systemUTC())
                .enroll(manager.singleUseKey(), "laptop", "linux", false).deviceId();
        ConsoleClient viewer = new ConsoleClient(manager);
        viewer.signIn(manager.account("help-desk-viewer", "viewer"));
        Reply revoke = viewer.post(AdminApi.path(AdminApi.DEVICE_ACTION, device).replace("{action}", "revoke"), Map.of());
        assertThat(revoke.status()).isEqualTo(403);
        assertThat(manager.server().services().devices().show(device).device().status()).isEqualTo("enabled");
        assertThat(viewer.post(AdminApi.KEYS, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(viewer.get(AdminApi.DEVICES).status()).isEqualTo(200);
        assertThat(viewer.get(AdminApi.AUDIT).status()).isEqualTo(403);
    }

    private static final Set<String> ACTIONS = Set.of(AdminApi.DEVICE_ACTION, AdminApi.ACCOUNT_ACTION);

    /** A real path for a template: ids that exist nowhere (so allowed writes find nothing to change) and a valid action. */
    private static String concrete(String template) {
        String p = template.replace("{id}", "nonexistent0");
        return ACTIONS.contains(template) ? p.replace("{action}", "disable") : p;
    }
}

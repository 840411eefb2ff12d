package io.braid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.server.accounts.Permission;
import io.braid.server.accounts.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/api.md states the route table and the role matrix; this keeps them equal to what the server enforces. */
class ApiDocsTest {
    private static final Path DOC = Path.of("..", "docs", "api.md");
    private static final Pattern ROUTE_ROW = Pattern.compile("^\\| (GET|POST|PUT|DELETE) \\| (.+?) \\| (.+?) \\|$", Pattern.MULTILINE);
    private static final Pattern MATRIX_ROW = Pattern.compile("^\\| `([a-z]+:[a-z]+)` \\| [^|]+ \\|(.*)\\|$", Pattern.MULTILINE);

    @Test
    void theRouteTableIsTheAccessTable() throws Exception {
        Map<String, String> documented = new HashMap<>();
        Matcher m = ROUTE_ROW.matcher(Files.readString(DOC));
        while (m.find()) {
            for (String path : m.group(2).split(", ")) {
                documented.put(m.group(1) + " " + path.replace("`", ""), m.group(3));
            }
        }
        Map<String, String> enforced = new HashMap<>();
        AccessTable.routes().forEach((route, access) -> enforced.put(route, switch (access) {
            case AccessTable.Access.Public p -> "public";
            case AccessTable.Access.Device d -> "device";
            case AccessTable.Access.SignedIn s -> "signed in";
            case AccessTable.Access.Needs(var permission) -> "`" + permission.id() + "`";
        }));
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(enforced.keySet());
        enforced.forEach((route, rule) -> assertThat(documented.get(route)).as(route).startsWith(rule));
    }

    @Test
    void theRoleMatrixIsTheRoles() throws Exception {
        Matcher m = MATRIX_ROW.matcher(Files.readString(DOC));
        int rows = 0;
        while (m.find()) {
            Permission permission = java.util.Arrays.stream(Permission.values()).filter(p -> p.id().equals(m.group(1))).findFirst().orElseThrow();
            String[] cells = m.group(2).split("\\|", -1);
            Role[] columns = {Role.ADMIN, Role.OPERATOR, Role.VIEWER, Role.AUDITOR};
            for (int i = 0; i < columns.length; i++) {
                assertThat(cells[i].contains("✓")).as(permission.id() + " for " + columns[i].id()).isEqualTo(columns[i].allows(permission));
            }
            rows++;
        }
        assertThat(rows).isEqualTo(Permission.values().length);
    }
}

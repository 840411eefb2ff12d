package io.braid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.server.testing.ConsoleClient;
import io.braid.server.testing.ConsoleClient.Reply;
import io.braid.server.testing.RunningManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filtering the audit log and exporting it as CSV: who may, what comes out, and that exporting is itself recorded. */
class AuditApiTest {
    private RunningManager manager;
    private ConsoleClient admin;

    @BeforeEach
    void start() {
        manager = new RunningManager();
        admin = new ConsoleClient(manager);
        admin.signInWithToken();
        admin.post(AdminApi.KEYS, Map.of("name", "=HYPERLINK(\"http://evil\")"));
        admin.post(AdminApi.KEYS, Map.of("name", "laptops, floor 2"));
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void filtersCombineAndBadFiltersAreRefused() {
        assertThat(admin.get(AdminApi.AUDIT + "?action=key.create").json()).hasSize(2);
        assertThat(admin.get(AdminApi.AUDIT + "?action=key.").json()).hasSize(2);
        assertThat(admin.get(AdminApi.AUDIT + "?action=key&outcome=success").json()).isEmpty();
        assertThat(admin.get(AdminApi.AUDIT + "?actor=admin&action=session.login").json()).hasSize(1);
        assertThat(admin.get(AdminApi.AUDIT + "?q=" + q("FLOOR")).json()).isEmpty(); // key names are not in the details
        assertThat(admin.get(AdminApi.AUDIT + "?q=" + q("%")).json()).as("% is a literal, not a wildcard").isEmpty();
        assertThat(admin.get(AdminApi.AUDIT + "?q=" + q("method=admin")).json()).hasSize(1);
        assertThat(admin.get(AdminApi.AUDIT + "?since=2000-01-01T00:00:00Z&until=2001-01-01T00:00:00Z").json()).isEmpty();
        assertThat(admin.get(AdminApi.AUDIT + "?limit=1").json()).hasSize(1);
        for (String bad : List.of("?outcome=maybe", "?since=yesterday", "?limit=0", "?colour=red", "?actor=a&actor=b",
                "?q=" + "x".repeat(129))) {
            Reply r = admin.get(AdminApi.AUDIT + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.error()).isEqualTo("bad_input");
        }
    }

    @Test
    void csvExportIsSpreadsheetSafeAuditedAndForAuditorsAndAdminsOnly() {
        Reply csv = admin.get(AdminApi.AUDIT_EXPORT + "?action=key.create");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("content-disposition").orElseThrow()).matches("attachment; filename=\"braid-audit-\\d{8}T\\d{6}Z\\.csv\"|attachment; filename=\"braid-audit-[0-9-]+T[0-9]+Z\\.csv\"");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("id,at,actor,action,target,source,outcome,details");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(",admin,key.create,k").contains(",success,reusable=false maxUses=1");
        assertThat(admin.get(AdminApi.AUDIT + "?action=audit.export").json()).singleElement()
                .satisfies(e -> assertThat(e.get("details").asText()).isEqualTo("entries=2 filter=action=key.create"));

        ConsoleClient auditor = new ConsoleClient(manager);
        auditor.signIn(manager.account("carol", "auditor"));
        assertThat(auditor.get(AdminApi.AUDIT_EXPORT).status()).isEqualTo(200);
        ConsoleClient operator = new ConsoleClient(manager);
        operator.signIn(manager.account("dave", "operator"));
        assertThat(operator.get(AdminApi.AUDIT).status()).isEqualTo(200);
        assertThat(operator.get(AdminApi.AUDIT_EXPORT).status()).isEqualTo(403);
    }

    @Test
    void csvCellsThatLookLikeFormulasAreDefused() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
    }
}

package io.braid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.ErrorCode;
import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.store.CredentialStore;
import io.braid.core.testing.CliRun;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands against a running server, found through its data directory as an operator would. */
class ServerCliTest extends CliAgainstManager {
    @TempDir
    Path tmp;

    private static CliRun server(String... args) {
        return ServerCli.run(args);
    }

    private static JsonNode json(String... args) throws Exception {
        return ServerCli.json(args);
    }

    @Test
    void keysCreateListAndRevoke() throws Exception {
        JsonNode created = json("keys", "create", "--data-dir", dataDir, "--name", "laptops", "--reusable", "--max-uses", "5",
                "--expires", "2d", "--group", "staff", "--json");
        String id = created.get("key").get("id").asText();
        String link = created.get("link").asText();
        EnrollmentLink parsed = EnrollmentLink.parse(link);
        assertThat(parsed.key()).isEqualTo(created.get("secret").asText()).startsWith(id + ".");
        assertThat(parsed.caFingerprint()).isEqualTo(manager.caFingerprint());

        JsonNode list = json("keys", "list", "--data-dir", dataDir, "--json");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("maxUses").asInt()).isEqualTo(5);
        assertThat(list.get(0).get("state").asText()).isEqualTo("active");
        assertThat(list.toString()).doesNotContain(parsed.key().substring(id.length() + 1));

        CliRun human = server("keys", "create", "--data-dir", dataDir);
        assertThat(human.out()).contains("key:  k").contains("link: braid://127.0.0.1:").contains("single-use");

        assertThat(json("keys", "revoke", id, "--data-dir", dataDir, "--json").get("state").asText()).isEqualTo("revoked");
        CliRun again = server("keys", "revoke", id, "--data-dir", dataDir);
        assertThat(again.exitCode()).isEqualTo(ErrorCode.CONFLICT.exitCode());
        assertThat(again.err().strip().lines()).hasSize(1);
    }

    @Test
    void badKeyOptionsAreRefusedAndCreateNothing() throws Exception {
        for (String[] args : new String[][] {
            {"keys", "create", "--max-uses", "3"},
            {"keys", "create", "--reusable", "--max-uses", "0"},
            {"keys", "create", "--expires", "soon"},
            {"keys", "create", "--group", "Not Valid"},
            {"keys", "create", "--max-uses", "x"},
        }) {
            CliRun run = server(concat(args, "--data-dir", dataDir));
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ErrorCode.BAD_INPUT.exitCode());
            assertThat(run.err()).startsWith("error: ");
            assertThat(run.err().strip().lines()).hasSize(1);
        }
        assertThat(json("keys", "list", "--data-dir", dataDir, "--json")).isEmpty();
    }

    @Test
    void devicesListShowDisableRevokeDeleteAndTheAuditTrail() throws Exception {
        var device = new Enrollment(new CredentialStore(tmp.resolve("c")), ManagerClients.standard(), Clock.systemUTC())
                .enroll(manager.singleUseKey(), "laptop", "linux", false);
        String id = device.deviceId();

        JsonNode list = json("devices", "list", "--data-dir", dataDir, "--json");
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("status").asText()).isEqualTo("enabled");

        JsonNode show = json("devices", "show", id, "--data-dir", dataDir, "--json");
        assertThat(show.get("device").get("name").asText()).isEqualTo("laptop");
        assertThat(show.get("certificates").get(0).get("serial").asText()).isEqualTo(device.certificate().getSerialNumber().toString(16));

        assertThat(json("devices", "disable", id, "--data-dir", dataDir, "--json").get("status").asText()).isEqualTo("disabled");
        assertThat(json("devices", "enable", id, "--data-dir", dataDir, "--json").get("status").asText()).isEqualTo("enabled");
        assertThat(json("devices", "revoke", id, "--data-dir", dataDir, "--json").get("status").asText()).isEqualTo("revoked");
        assertThat(json("devices", "show", id, "--data-dir", dataDir, "--json").get("certificates").get(0).get("revokedAt").isNull()).isFalse();
        assertThat(json("devices", "delete", id, "--data-dir", dataDir, "--json").get("deleted").asText()).isEqualTo(id);
        assertThat(server("devices", "show", id, "--data-dir", dataDir).exitCode()).isEqualTo(ErrorCode.NOT_FOUND.exitCode());
        assertThat(server("devices", "show", "../keys", "--data-dir", dataDir).exitCode()).isEqualTo(ErrorCode.BAD_INPUT.exitCode());

        JsonNode audit = json("audit", "--data-dir", dataDir, "--json");
        assertThat(audit.findValuesAsText("action")).containsSubsequence("key.create", "device.enroll", "device.disable",
                "device.enable", "device.revoke", "device.delete");
        assertThat(audit.get(audit.size() - 1).get("actor").asText()).isEqualTo("admin");
        assertThat(audit.get(audit.size() - 1).get("source").asText()).isEqualTo("127.0.0.1");
        assertThat(server("audit", "--data-dir", dataDir).out()).contains("device.revoke");
    }

    @Test
    void adminCommandsExplainAMissingOrStoppedServer() {
        CliRun none = server("keys", "list", "--data-dir", tmp.resolve("nothing").toString());
        assertThat(none.exitCode()).isEqualTo(ErrorCode.NOT_FOUND.exitCode());
        assertThat(none.err()).contains("no Braid server data");
        manager.stop();
        CliRun stopped = server("keys", "list", "--data-dir", dataDir);
        assertThat(stopped.exitCode()).isEqualTo(ErrorCode.SERVER_UNREACHABLE.exitCode());
        assertThat(stopped.err()).contains("not running");
        manager.start();
    }

    @Test
    void serveRefusesBadValuesBeforeTouchingTheDataDirectory() {
        Path fresh = tmp.resolve("fresh");
        for (String[] bad : new String[][] {
            {"--route", "198.18.0.0"}, {"--route", "300.1.1.1/24"}, {"--public-host", "bad host"}, {"--dns", "nameserver"},
            {"--mtu", "100"}, {"--overlay-pool", "100.96.0.0/33"},
        }) {
            CliRun run = server(concat(new String[] {"serve", "--data-dir", fresh.toString()}, bad));
            assertThat(run.exitCode()).as(String.join(" ", bad)).isEqualTo(ErrorCode.BAD_INPUT.exitCode());
            assertThat(run.err().strip().lines()).hasSize(1);
        }
        assertThat(fresh).doesNotExist();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

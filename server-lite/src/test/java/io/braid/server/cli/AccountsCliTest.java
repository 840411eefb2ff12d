package io.braid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.ErrorCode;
import io.braid.core.testing.CliRun;
import io.braid.server.testing.ConsoleClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `braid-server accounts …` against a running server, with the admin token from the data directory. */
class AccountsCliTest extends CliAgainstManager {
    @TempDir
    Path tmp;

    private static CliRun server(String... args) {
        return ServerCli.run(args);
    }

    private static JsonNode json(String... args) throws Exception {
        return ServerCli.json(args);
    }

    @Test
    void createListDisableEnableResetTotp() throws Exception {
        Path pw = Files.writeString(tmp.resolve("pw"), "carol's long password\n");
        JsonNode created = json("accounts", "create", "carol", "--role", "auditor", "--password-file", pw.toString(),
                "--data-dir", dataDir, "--json");
        assertThat(created.get("account").get("role").asText()).isEqualTo("auditor");
        String secret = created.get("totpSecret").asText();
        assertThat(created.get("totpUri").asText()).contains("secret=" + secret);
        assertThat(created.has("totpQrSvg")).isFalse();

        // The account works in the console with that password and secret.
        var carol = new ConsoleClient.Credentials(created.get("account").get("id").asText(), "carol", "carol's long password", secret);
        assertThat(new ConsoleClient(manager).signIn(carol).status()).isEqualTo(201);

        CliRun human = server("accounts", "list", "--data-dir", dataDir);
        assertThat(human.out()).contains("USERNAME").contains("carol").contains("auditor").contains("enabled");
        assertThat(human.out()).doesNotContain(secret);

        assertThat(server("accounts", "disable", "carol", "--data-dir", dataDir).out()).contains("account carol is now disabled");
        CliRun again = server("accounts", "disable", "carol", "--data-dir", dataDir);
        assertThat(again.exitCode()).isEqualTo(ErrorCode.CONFLICT.exitCode());
        assertThat(json("accounts", "enable", created.get("account").get("id").asText(), "--data-dir", dataDir, "--json")
                .get("status").asText()).isEqualTo("enabled");

        CliRun reset = server("accounts", "reset-totp", "carol", "--data-dir", dataDir);
        assertThat(reset.exitCode()).isZero();
        assertThat(reset.out()).contains("totp secret: ").doesNotContain(secret);
        manager.clock.advance(Duration.ofSeconds(30));
        assertThat(new ConsoleClient(manager).signIn(carol).status()).as("old secret").isEqualTo(401);
    }

    @Test
    void badInputIsRefusedWithOneLineAndCreatesNothing() throws Exception {
        Path shortPw = Files.writeString(tmp.resolve("short"), "short\n");
        for (String[] args : new String[][] {
            {"accounts", "create", "dave", "--role", "root", "--password-file", shortPw.toString()},
            {"accounts", "create", "Dave", "--role", "viewer", "--password-file", shortPw.toString()},
            {"accounts", "create", "dave", "--role", "viewer", "--password-file", shortPw.toString()},
            {"accounts", "create", "dave", "--role", "viewer", "--password-file", tmp.resolve("missing").toString()},
        }) {
            CliRun run = server(concat(args, "--data-dir", dataDir));
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ErrorCode.BAD_INPUT.exitCode());
            assertThat(run.err().strip().lines()).hasSize(1);
        }
        assertThat(server("accounts", "disable", "nobody", "--data-dir", dataDir).exitCode()).isEqualTo(ErrorCode.NOT_FOUND.exitCode());
        assertThat(json("accounts", "list", "--data-dir", dataDir, "--json")).isEmpty();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

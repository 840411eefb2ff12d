package io.braid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.ErrorCode;
import io.braid.core.testing.CliRun;
import org.junit.jupiter.api.Test;

/** `braid-server policy …`: the same rules, validation and audit as the console, from a shell. */
class PolicyCliTest extends CliAgainstManager {
    @Test
    void listAddRemove() throws Exception {
        CliRun list = ServerCli.run("policy", "list", "--data-dir", dataDir);
        assertThat(list.out()).contains("GROUP").contains("*").contains("198.18.10.0/24").contains("any");

        JsonNode added = ServerCli.json("policy", "add", "--group", "staff", "--to", "198.18.10.7/32", "--protocol", "tcp",
                "--port", "8000-8080", "--description", "build farm", "--data-dir", dataDir, "--json");
        assertThat(added.get("portFrom").asInt()).isEqualTo(8000);
        assertThat(added.get("portTo").asInt()).isEqualTo(8080);
        CliRun human = ServerCli.run("policy", "add", "--group", "ops", "--to", "198.18.10.0/24", "--protocol", "udp", "--port", "53",
                "--data-dir", dataDir);
        assertThat(human.out()).contains("group ops may reach 198.18.10.0/24 over udp port 53");
        assertThat(ServerCli.json("policy", "list", "--data-dir", dataDir, "--json")).hasSize(3);

        String id = added.get("id").asText();
        assertThat(ServerCli.run("policy", "remove", id, "--data-dir", dataDir).out()).contains("removed rule " + id);
        assertThat(ServerCli.run("policy", "remove", id, "--data-dir", dataDir).exitCode()).isEqualTo(ErrorCode.NOT_FOUND.exitCode());
    }

    @Test
    void badRulesAreRefusedWithOneLine() throws Exception {
        for (String[] args : new String[][] {
            {"--group", "staff", "--to", "198.18.10.5/24"},
            {"--group", "staff", "--to", "198.18.10.0/24", "--protocol", "icmp", "--port", "7"},
            {"--group", "staff", "--to", "198.18.10.0/24", "--protocol", "tcp", "--port", "http"},
            {"--group", "Staff!", "--to", "198.18.10.0/24"},
        }) {
            String[] full = new String[args.length + 4];
            full[0] = "policy";
            full[1] = "add";
            System.arraycopy(args, 0, full, 2, args.length);
            full[args.length + 2] = "--data-dir";
            full[args.length + 3] = dataDir;
            CliRun run = ServerCli.run(full);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ErrorCode.BAD_INPUT.exitCode());
            assertThat(run.err().strip().lines()).hasSize(1);
        }
        assertThat(ServerCli.json("policy", "list", "--data-dir", dataDir, "--json")).hasSize(1);
    }
}

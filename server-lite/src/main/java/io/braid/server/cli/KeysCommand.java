package io.braid.server.cli;

import io.braid.core.cli.Durations;
import io.braid.core.cli.TextTable;
import io.braid.core.http.JsonHttpClient;
import io.braid.server.api.AdminApi;
import io.braid.server.enroll.EnrollmentKeyService;
import io.braid.server.store.EnrollmentKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "keys", description = "Create, list and revoke enrollment keys.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand extends CommandGroup {
    /** What the API answers when a key is created (the secret appears only here). */
    record CreatedView(EnrollmentKey key, String secret, String link) {}

    @Command(name = "create", description = "Create an enrollment key; prints the key and its braid:// link once.")
    static final class Create extends AdminCommand {
        @Option(names = "--name", description = "A label for the key.")
        String name;

        @Option(names = "--reusable", description = "Allow more than one enrollment (unlimited unless --max-uses).")
        boolean reusable;

        @Option(names = "--max-uses", paramLabel = "N", description = "Enrollments allowed with a reusable key.")
        Integer maxUses;

        @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "7d",
                description = "Lifetime, like 30m, 12h, 7d (default: ${DEFAULT-VALUE}); 'never' for no expiry.")
        String expires;

        @Option(names = "--group", paramLabel = "GROUP", description = "Group for devices enrolled with this key; repeatable.")
        List<String> groups = new ArrayList<>();

        @Override
        public Integer call() {
            Long seconds = "never".equals(expires) ? null : Durations.parse(expires).toSeconds();
            var request = new EnrollmentKeyService.CreateRequest(name, reusable, maxUses, seconds, groups);
            CreatedView created;
            try (JsonHttpClient api = connection.open()) {
                created = api.post(AdminApi.KEYS, request, CreatedView.class);
            }
            return print(created, out -> {
                EnrollmentKey k = created.key();
                out.println("key:  " + created.secret());
                out.println("link: " + created.link());
                out.println("id " + k.id() + ", " + (k.reusable() ? "reusable" + (k.maxUses() == null ? "" : " (" + k.maxUses() + " uses)")
                        : "single-use") + ", " + (k.expiresAt() == null ? "never expires" : "expires " + k.expiresAt())
                        + (k.groups().isEmpty() ? "" : ", groups " + String.join(",", k.groups())));
                out.println("The key is shown only this once.");
            });
        }
    }

    @Command(name = "list", description = "List enrollment keys (never their secrets).")
    static final class ListKeys extends AdminCommand {
        @Override
        public Integer call() {
            List<EnrollmentKey> keys;
            try (JsonHttpClient api = connection.open()) {
                keys = api.get(AdminApi.KEYS, Output.listOf(EnrollmentKey.class));
            }
            return print(keys, out -> {
                TextTable table = new TextTable("ID", "NAME", "STATE", "USES", "EXPIRES", "GROUPS");
                for (EnrollmentKey k : keys) {
                    table.row(k.id(), k.name(), k.state(), k.uses() + "/" + (k.maxUses() == null ? "∞" : k.maxUses()),
                            k.expiresAt() == null ? "never" : k.expiresAt(), String.join(",", k.groups()));
                }
                table.print(out);
            });
        }
    }

    @Command(name = "revoke", description = "Revoke an enrollment key so it can enroll no more devices.")
    static final class Revoke extends AdminCommand {
        @Parameters(paramLabel = "ID", description = "The key's id (the part before the dot).")
        String id;

        @Override
        public Integer call() {
            EnrollmentKey revoked;
            try (JsonHttpClient api = connection.open()) {
                revoked = api.post(AdminApi.path(AdminApi.KEY_REVOKE, id), Map.of(), EnrollmentKey.class);
            }
            return print(revoked, out -> out.println("revoked key " + revoked.id()));
        }
    }
}

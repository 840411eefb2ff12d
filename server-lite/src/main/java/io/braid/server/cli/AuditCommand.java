package io.braid.server.cli;

import io.braid.core.cli.TextTable;
import io.braid.core.http.JsonHttpClient;
import io.braid.server.api.AdminApi;
import io.braid.server.store.AuditEntry;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "Show the audit log: who did what, when, from where.")
final class AuditCommand extends AdminCommand {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Most recent entries to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        List<AuditEntry> entries;
        try (JsonHttpClient api = connection.open()) {
            entries = api.get(AdminApi.AUDIT + "?limit=" + limit, Output.listOf(AuditEntry.class));
        }
        return print(entries, out -> {
            TextTable table = new TextTable("TIME", "ACTOR", "ACTION", "TARGET", "SOURCE", "OUTCOME", "DETAILS");
            for (AuditEntry e : entries) {
                table.row(e.at(), e.actor(), e.action(), e.target(), e.source(), e.outcome(), e.details());
            }
            table.print(out);
        });
    }
}

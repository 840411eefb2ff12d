package io.braid.server.cli;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.cli.TextTable;
import io.braid.core.http.JsonHttpClient;
import io.braid.server.api.AdminApi;
import io.braid.server.policy.RuleValidator;
import io.braid.server.store.PolicyRule;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "policy", description = "List, add and remove access rules: which device groups may reach which networks and ports.",
        subcommands = {PolicyCommand.ListRules.class, PolicyCommand.Add.class, PolicyCommand.Remove.class})
final class PolicyCommand extends CommandGroup {
    @Command(name = "list", description = "List the rules (rules only allow; what none allows is refused).")
    static final class ListRules extends AdminCommand {
        @Override
        public Integer call() {
            List<PolicyRule> rules;
            try (JsonHttpClient api = connection.open()) {
                rules = api.get(AdminApi.POLICIES, Output.listOf(PolicyRule.class));
            }
            return print(rules, out -> {
                TextTable table = new TextTable("ID", "GROUP", "DESTINATION", "PROTOCOL", "PORTS", "DESCRIPTION");
                for (PolicyRule r : rules) {
                    table.row(r.id(), r.group(), r.destination(), r.protocol(), r.portFrom() == null ? "all" : ports(r), r.description());
                }
                table.print(out);
            });
        }
    }

    @Command(name = "add", description = "Allow a group (or * for every device) to reach a network, optionally on one protocol and ports.")
    static final class Add extends AdminCommand {
        @Option(names = "--group", required = true, paramLabel = "GROUP", description = "A device group, or '*' for every device.")
        String group;

        @Option(names = "--to", required = true, paramLabel = "CIDR", description = "The destination network, like 198.18.10.0/24.")
        String destination;

        @Option(names = "--protocol", defaultValue = "any", paramLabel = "PROTO", description = "tcp, udp, icmp or any (default: ${DEFAULT-VALUE}).")
        String protocol;

        @Option(names = "--port", paramLabel = "PORT[-PORT]", description = "A port or range; tcp and udp only.")
        String ports;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        public Integer call() {
            Integer from = null;
            Integer to = null;
            if (ports != null) {
                String[] parts = ports.split("-", 2);
                try {
                    from = Integer.valueOf(parts[0].strip());
                    to = parts.length == 2 ? Integer.valueOf(parts[1].strip()) : from;
                } catch (NumberFormatException e) {
                    throw new BraidException(ErrorCode.BAD_INPUT, "--port is a number or a range like 8000-8080 (got " + ports + ")");
                }
            }
            PolicyRule rule;
            try (JsonHttpClient api = connection.open()) {
                rule = api.post(AdminApi.POLICIES, new RuleValidator.RuleRequest(group, destination, protocol, from, to, description),
                        PolicyRule.class);
            }
            return print(rule, out -> out.println("added rule " + rule.id() + ": group " + rule.group() + " may reach " + rule.destination()
                    + " over " + rule.protocol() + (rule.portFrom() == null ? "" : " port " + ports(rule))));
        }
    }

    @Command(name = "remove", description = "Delete a rule; devices that relied on it lose that access.")
    static final class Remove extends AdminCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return delete(AdminApi.POLICY, id, "removed rule " + id);
        }
    }

    private static String ports(PolicyRule r) {
        return r.portFrom().equals(r.portTo()) ? String.valueOf(r.portFrom()) : r.portFrom() + "-" + r.portTo();
    }
}

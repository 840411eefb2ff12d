package io.braid.cli.command;

import io.braid.core.api.messages.LogEntry;
import io.braid.core.api.messages.LogsResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "logs", description = "Show the agent's recent events (state changes, refusals, failures), oldest first.")
public final class LogsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Option(names = "--json", description = "Print JSON: {\"entries\": [{\"time\", \"level\", \"message\"}...]}.")
    boolean json;

    @Override
    public Integer call() {
        List<LogEntry> entries = global.agent().logs();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, new LogsResult(entries));
            return 0;
        }
        for (LogEntry e : entries) {
            out.println(e.time() + " " + e.level().wire() + " " + e.message());
        }
        out.flush();
        return 0;
    }
}

package io.braid.server.cli;

import io.braid.core.http.JsonHttpClient;
import io.braid.server.api.AdminApi;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every admin command shares: the connection to the running server, {@code --json}, and printing
 * the API's answer either as JSON (stable field names, for scripts) or as text for people.
 */
abstract class AdminCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    AdminConnection connection;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** Prints {@code value} as JSON with --json, otherwise whatever {@code text} writes; the exit code is 0. */
    final int print(Object value, Consumer<PrintWriter> text) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, value);
        } else {
            text.accept(out);
            out.flush();
        }
        return 0;
    }

    /** Deletes one resource ({@code template} with its id) and prints the API's answer or {@code done}. */
    final int delete(String template, String id, String done) {
        Map<?, ?> result;
        try (JsonHttpClient api = connection.open()) {
            result = api.delete(AdminApi.path(template, id), Output.type(Map.class));
        }
        return print(result, out -> out.println(done));
    }
}

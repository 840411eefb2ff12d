package io.braid.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;

/** Prints --json output: stable field names, pretty-printed, one document per command. */
final class Json {
    private Json() {}

    static void print(PrintWriter out, Object value) {
        try {
            out.println(io.braid.core.json.Json.lenient().writerWithDefaultPrettyPrinter().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

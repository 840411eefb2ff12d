package io.braid.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;

/** Prints --json output: stable field names; one pretty document per command, or one compact line per event when streaming. */
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

    /** One JSON object on one line, flushed at once, for --watch and other streams a script reads line by line. */
    static void printLine(PrintWriter out, Object value) {
        try {
            out.println(io.braid.core.json.Json.lenient().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.braid.core.netcfg.windows;

import io.braid.core.netcfg.Step;
import java.util.List;

/** Runs PowerShell scripts fed on stdin, so no value is ever re-parsed by cmd.exe quoting rules. */
final class PowerShell {
    static final List<String> COMMAND = List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command", "-");

    private PowerShell() {}

    static Step step(String script) {
        return new Step.Run(COMMAND, script);
    }

    /** A single-quoted PowerShell string literal: quotes doubled, nothing interpolated. */
    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

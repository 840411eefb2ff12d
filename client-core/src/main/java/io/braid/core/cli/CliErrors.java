package io.braid.core.cli;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns failures into what scripts and people expect: one line on stderr starting with "error:", and
 * the error code's exit status. Usage mistakes print picocli's message with a pointer to --help, and exit 2.
 * Unexpected exceptions are logged in full (for bug reports) but shown as one line too.
 */
public final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(CliErrors.class);

    /** Installs both handlers on a command line. */
    public static CommandLine install(CommandLine cmd) {
        CliErrors handler = new CliErrors();
        return cmd.setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof BraidException b) {
            err.println("error: " + b.getMessage());
            err.flush();
            return b.code().exitCode();
        }
        log.debug("command failed", ex);
        err.println("error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
        err.flush();
        return ErrorCode.INTERNAL.exitCode();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage() + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return ErrorCode.BAD_INPUT.exitCode();
    }
}

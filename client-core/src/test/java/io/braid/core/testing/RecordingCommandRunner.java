package io.braid.core.testing;

import io.braid.core.netcfg.CommandResult;
import io.braid.core.netcfg.CommandRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CommandRunner} that runs nothing: it records every command (with its stdin) and answers
 * from a script of recorded outputs, matched by the start of the command line. Unscripted commands
 * succeed with no output. This is how the macOS and Windows code is tested on any OS.
 */
public class RecordingCommandRunner implements CommandRunner {
    private final List<String> commands = new ArrayList<>();
    private final List<String> stdins = new ArrayList<>();
    private final Map<String, CommandResult> answers = new LinkedHashMap<>();

    /** Commands starting with {@code commandLinePrefix} exit 0 printing {@code stdout}. */
    public RecordingCommandRunner answer(String commandLinePrefix, String stdout) {
        return answer(commandLinePrefix, 0, stdout, "");
    }

    public RecordingCommandRunner answer(String commandLinePrefix, int exitCode, String stdout, String stderr) {
        answers.put(commandLinePrefix, new CommandResult(List.of(commandLinePrefix), exitCode, stdout, stderr));
        return this;
    }

    @Override
    public synchronized CommandResult execute(List<String> command, String stdin) {
        String line = String.join(" ", command);
        commands.add(line);
        stdins.add(stdin);
        for (Map.Entry<String, CommandResult> a : answers.entrySet()) {
            if (line.startsWith(a.getKey())) return new CommandResult(command, a.getValue().exitCode(), a.getValue().stdout(), a.getValue().stderr());
        }
        return new CommandResult(command, 0, "", "");
    }

    /** Every command line run so far, in order. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    /** The stdin given to the first command that starts with {@code prefix}. */
    public synchronized String stdinOf(String prefix) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith(prefix)) return stdins.get(i);
        }
        throw new AssertionError("no command starting with '" + prefix + "' in " + commands);
    }

    public synchronized void clear() {
        commands.clear();
        stdins.clear();
    }
}

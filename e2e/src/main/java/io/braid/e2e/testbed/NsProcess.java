package io.braid.e2e.testbed;

import io.braid.core.testing.Netns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running program inside a namespace (a daemon, an iperf3 server, a tunnel end), with its
 * stdout and stderr in a log file. {@code ip netns exec} execs the program in place, so the PID we
 * hold is the program's own; {@link #close()} ends it, and anything it started, by that PID:
 * SIGTERM, then SIGKILL after a grace period.
 */
public final class NsProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Process process;
    private final List<String> command;
    private final Path log;

    private NsProcess(Process process, List<String> command, Path log) {
        this.process = process;
        this.command = command;
        this.log = log;
    }

    /** Starts {@code command} in {@code ns} with extra environment variables, its output going to {@code log}. */
    public static NsProcess start(Netns ns, Path log, Map<String, String> env, List<String> command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns.name()));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new NsProcess(builder.start(), List.copyOf(command), log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the program to end by itself; fails (and ends it) if it runs past {@code timeout}. */
    public int waitFor(Duration timeout) throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IOException("'" + String.join(" ", command) + "' did not end within " + timeout.toMillis() + " ms; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted waiting for " + command, e);
        }
    }

    /** Everything it printed so far. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public Path log() {
        return log;
    }

    /** Ends it at once with SIGKILL, as a crash would (no shutdown hooks run). */
    public void kill() {
        process.destroyForcibly();
        process.toHandle().onExit().orTimeout(GRACE.toMillis(), TimeUnit.MILLISECONDS).exceptionally(t -> null).join();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        stop(process.toHandle());
        children.forEach(NsProcess::stop);
    }

    private static void stop(ProcessHandle handle) {
        if (!handle.isAlive()) return;
        handle.destroy();
        try {
            handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            handle.onExit().orTimeout(GRACE.toMillis(), TimeUnit.MILLISECONDS).exceptionally(t -> null).join();
        }
    }

    @Override
    public String toString() {
        return "pid " + pid() + ": " + String.join(" ", command);
    }
}

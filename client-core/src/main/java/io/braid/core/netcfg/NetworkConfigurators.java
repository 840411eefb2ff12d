package io.braid.core.netcfg;

import io.braid.core.netcfg.linux.LinuxOptions;
import io.braid.core.netcfg.linux.LinuxPlanner;
import io.braid.core.netcfg.macos.MacPlanner;
import io.braid.core.netcfg.windows.WindowsPlanner;
import io.braid.core.os.OperatingSystem;
import io.braid.core.os.ShutdownCloser;
import java.io.IOException;
import java.nio.file.Path;

/** Entry points: open the configurator for this OS (undoing a crashed run's leftovers first), or force-clean. */
public final class NetworkConfigurators {
    private NetworkConfigurators() {}

    /**
     * The agent's start: locks {@code stateDir}, undoes what a crashed run left (keeping a lockdown
     * kill switch) and returns a configurator that a shutdown hook closes if the agent does not.
     */
    public static NetworkConfigurator open(Path stateDir) throws IOException {
        CommandRunner runner = new ProcessCommandRunner();
        return open(stateDir, plannerForCurrentOs(stateDir, runner), runner);
    }

    /** Like {@link #open(Path)} with a given planner and runner (tests, namespaces, the headend). */
    public static NetworkConfigurator open(Path stateDir, ChangePlanner planner, CommandRunner runner) throws IOException {
        ChangeJournal journal = ChangeJournal.open(stateDir);
        JournaledConfigurator configurator = new JournaledConfigurator(journal, planner, runner);
        try {
            configurator.reconcile();
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        ShutdownCloser.register(configurator);
        return configurator;
    }

    /**
     * {@code braid down --force}: with the agent gone, undoes every journaled change; with
     * {@code liftKillSwitch} also a lockdown kill switch. Fails if an agent still holds the state dir.
     */
    public static ReconcileReport forceDown(Path stateDir, boolean liftKillSwitch) throws IOException {
        CommandRunner runner = new ProcessCommandRunner();
        return forceDown(stateDir, plannerForCurrentOs(stateDir, runner), runner, liftKillSwitch);
    }

    public static ReconcileReport forceDown(Path stateDir, ChangePlanner planner, CommandRunner runner, boolean liftKillSwitch) throws IOException {
        try (ChangeJournal journal = ChangeJournal.open(stateDir)) {
            JournaledConfigurator configurator = new JournaledConfigurator(journal, planner, runner);
            ReconcileReport report = configurator.reconcile();
            if (liftKillSwitch) configurator.liftKillSwitch();
            return report;
        }
    }

    static ChangePlanner plannerForCurrentOs(Path stateDir, CommandRunner runner) {
        return switch (OperatingSystem.current()) {
            case LINUX -> new LinuxPlanner(runner, LinuxOptions.defaults(stateDir));
            case MACOS -> new MacPlanner(runner);
            case WINDOWS -> new WindowsPlanner(runner);
        };
    }
}

package io.braid.core.netcfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.testing.RecordingCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's contract with plain commands against a recording runner: no OS is touched. */
class JournaledConfiguratorTest {
    @TempDir Path stateDir;
    final RecordingCommandRunner runner = new RecordingCommandRunner();

    @Test
    void changesAreUndoneNewestFirstAtStopAndTheJournalIsEmptiedAfterwards() throws IOException {
        try (JournaledConfigurator config = open(new ScriptedPlanner())) {
            config.setLinkUp("a", true);
            config.setLinkUp("b", true);
            runner.clear();
        }
        assertThat(runner.commands()).containsExactly("undo b", "undo a");
        assertThat(Files.readString(stateDir.resolve(ChangeJournal.FILE_NAME))).isEmpty();
    }

    @Test
    void theUndoIsOnDiskBeforeTheChangeRuns() throws IOException {
        Path journal = stateDir.resolve(ChangeJournal.FILE_NAME);
        RecordingCommandRunner peeking = new RecordingCommandRunner() {
            @Override
            public synchronized CommandResult execute(List<String> command, String stdin) {
                if (command.getFirst().equals("apply")) {
                    try {
                        assertThat(Files.readString(journal)).contains("\"undo\",\"" + command.get(1) + "\"");
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
                return super.execute(command, stdin);
            }
        };
        try (JournaledConfigurator config = new JournaledConfigurator(ChangeJournal.open(stateDir), new ScriptedPlanner(), peeking)) {
            config.setLinkUp("a", true);
        }
        assertThat(peeking.commands()).containsExactly("apply a", "undo a");
    }

    @Test
    void reconcileUndoesADeadRunsChangesInReverseButKeepsALockdownKillSwitch() throws IOException {
        ChangeJournal dead = ChangeJournal.open(stateDir);
        dead.append(Change.command("first", List.of("apply", "1"), List.of("undo", "1")));
        dead.append(new ScriptedPlanner().lockdown());
        dead.append(Change.command("second", List.of("apply", "2"), List.of("undo", "2")));
        dead.close(); // the process died: its lock is gone

        try (JournaledConfigurator restarted = open(new ScriptedPlanner())) {
            assertThat(runner.commands()).containsExactly("undo 2", "undo 1");
            assertThat(restarted.reconcile()).isEqualTo(new ReconcileReport(0, 0, 1));
        }
        assertThat(Files.readString(stateDir.resolve(ChangeJournal.FILE_NAME))).contains("kill-switch").doesNotContain("undo\",\"1");
    }

    @Test
    void aTornLastLineFromACrashMidAppendIsIgnored() throws IOException {
        try (ChangeJournal journal = ChangeJournal.open(stateDir)) {
            journal.append(Change.command("whole", List.of("apply", "1"), List.of("undo", "1")));
        }
        Files.writeString(stateDir.resolve(ChangeJournal.FILE_NAME), "{\"seq\":2,\"descr", StandardOpenOption.APPEND);

        try (JournaledConfigurator ignored = open(new ScriptedPlanner())) {
            assertThat(runner.commands()).containsExactly("undo 1");
        }
    }

    @Test
    void aSecondAgentCannotUseTheSameStateDirectoryWhileTheFirstRuns() throws IOException {
        try (JournaledConfigurator first = open(new ScriptedPlanner())) {
            assertThatThrownBy(() -> ChangeJournal.open(stateDir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("another Braid agent");
        }
        ChangeJournal.open(stateDir).close();
    }

    @Test
    void aChangeThatFailsIsUndoneAndLeavesNoJournalEntry() throws IOException {
        runner.answer("apply bad", 2, "", "RTNETLINK answers: File exists");
        try (JournaledConfigurator config = open(new ScriptedPlanner())) {
            assertThatThrownBy(() -> config.setLinkUp("bad", true)).isInstanceOf(CommandFailedException.class)
                    .hasMessage("'apply bad' exited with 2: RTNETLINK answers: File exists");
            assertThat(runner.commands()).containsExactly("apply bad", "undo bad");
            assertThat(Files.readString(stateDir.resolve(ChangeJournal.FILE_NAME))).isEmpty();
        }
    }

    @Test
    void aNewKillSwitchReplacesTheOldWithoutAGapAndStillUndoesToTheStateBeforeTheFirst() throws IOException {
        ScriptedPlanner planner = new ScriptedPlanner();
        try (JournaledConfigurator config = open(planner)) {
            planner.killSwitchUndo = List.of("restore-policy", "original");
            config.applyKillSwitch(new KillSwitchPolicy(KillSwitchLevel.ON, "t", List.of(), List.of()));
            planner.killSwitchUndo = List.of("restore-policy", "blocked");
            config.applyKillSwitch(new KillSwitchPolicy(KillSwitchLevel.ON, "t", List.of(), List.of()));
            runner.clear();
        }
        assertThat(runner.commands()).as("no undo between the two applies; the original policy restored last")
                .containsExactly("delete-rules", "restore-policy blocked", "restore-policy original");
    }

    @Test
    void stateFilesAreOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        try (JournaledConfigurator config = open(new ScriptedPlanner())) {
            config.setLinkUp("a", true);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve(ChangeJournal.FILE_NAME)))).isEqualTo("rw-------");
        }
    }

    private JournaledConfigurator open(ChangePlanner planner) throws IOException {
        JournaledConfigurator config = new JournaledConfigurator(ChangeJournal.open(stateDir), planner, runner);
        config.reconcile();
        return config;
    }

    /** Plans one "apply X" / "undo X" command per link change, and a kill switch with a settable undo. */
    static class ScriptedPlanner implements ChangePlanner {
        List<String> killSwitchUndo = List.of("restore-policy", "original");

        @Override
        public List<Change> linkState(String name, boolean up) {
            return List.of(Change.command(name, List.of("apply", name), List.of("undo", name)));
        }

        @Override
        public List<Change> killSwitch(KillSwitchPolicy policy) {
            return List.of(new Change("ks", "kill-switch", List.of(Step.Run.of("add-rules")),
                    List.of(Step.Run.of("delete-rules"), new Step.Run(killSwitchUndo, null)), Change.KILL_SWITCH, false));
        }

        Change lockdown() {
            return new Change("ks", "kill-switch", List.of(), List.of(Step.Run.of("delete-rules")), Change.KILL_SWITCH, true);
        }

        @Override
        public List<Change> interfaceSettings(InterfaceSettings settings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Change> routes(TunnelRoutes routes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Change> wanPinning(List<WanLink> wans) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Change> dns(DnsSettings dns) {
            throw new UnsupportedOperationException();
        }
    }
}

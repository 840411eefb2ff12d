package io.braid.core.netcfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real runner: output captured, stdin fed, failures and hangs reported with the command's name. */
class ProcessCommandRunnerTest {
    final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofMillis(800));

    @BeforeEach
    void unixShell() {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "uses /bin/sh");
    }

    @Test
    void capturesOutputAndFeedsStdin() throws Exception {
        CommandResult r = runner.run(List.of("sh", "-c", "tr a-z A-Z; echo oops >&2"), "table inet braid\n");
        assertThat(r.stdout()).isEqualTo("TABLE INET BRAID\n");
        assertThat(r.stderr()).isEqualTo("oops\n");
    }

    @Test
    void aNonZeroExitIsATypedErrorNamingTheCommandCodeAndStderr() {
        assertThatThrownBy(() -> runner.run("sh", "-c", "echo 'RTNETLINK answers: File exists' >&2; exit 2"))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("'sh -c echo 'RTNETLINK answers: File exists' >&2; exit 2' exited with 2: RTNETLINK answers: File exists");
    }

    @Test
    void aHangingCommandIsKilledAtTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run("sleep", "30")).hasMessage("'sleep 30' did not finish within 800 ms and was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}

package io.braid.core.netcfg.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.netcfg.ChangeJournal;
import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.JournaledConfigurator;
import io.braid.core.testing.RecordingCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DNS backends without root: the resolver file on a temp file (real file steps), systemd-resolved against recorded commands. */
class LinuxDnsFileTest {
    @TempDir Path stateDir;
    @TempDir Path etc;
    final RecordingCommandRunner runner = new RecordingCommandRunner();

    @Test
    void reapplyingDnsAfterANetworkChangeStillRestoresTheUsersOriginalFile() throws IOException {
        Path resolvConf = etc.resolve("resolv.conf");
        Files.writeString(resolvConf, "nameserver 192.0.2.1\n");
        try (JournaledConfigurator config = open(resolvConf)) {
            config.applyDns(dns("100.96.0.53"));
            config.applyDns(dns("100.96.0.54"));
            assertThat(Files.readString(resolvConf)).contains("nameserver 100.96.0.54").doesNotContain("100.96.0.53");
        }
        assertThat(Files.readString(resolvConf)).isEqualTo("nameserver 192.0.2.1\n");
    }

    @Test
    void aResolverFileThatWasASymbolicLinkComesBackAsTheSameLink() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "symbolic links need privileges on Windows");
        Path target = Files.writeString(etc.resolve("stub-resolv.conf"), "nameserver 127.0.0.53\n");
        Path resolvConf = Files.createSymbolicLink(etc.resolve("resolv.conf"), target);
        try (JournaledConfigurator config = open(resolvConf)) {
            config.applyDns(dns("100.96.0.53"));
            assertThat(Files.isSymbolicLink(resolvConf)).isFalse();
        }
        assertThat(Files.readSymbolicLink(resolvConf)).isEqualTo(target);
        assertThat(Files.readString(target)).isEqualTo("nameserver 127.0.0.53\n");
    }

    @Test
    void exclusiveDnsAddsTheLeakGuardThatOnlyLetsDnsOutThroughLoopbackAndTheTunnel() throws IOException {
        try (JournaledConfigurator config = open(etc.resolve("resolv.conf"))) {
            config.applyDns(new DnsSettings("braid0", List.of(IpPrefix.literal("100.96.0.53")), List.of(), true));
            assertThat(runner.stdinOf("nft -f -")).contains("oifname \"braid0\" accept").contains("th dport { 53, 853 } drop");
        }
        assertThat(runner.commands()).contains("nft delete table inet braid_dns");
    }

    @Test
    void withSystemdResolvedTheSettingsGoOnTheTunnelLinkAndAreRevertedThere() throws IOException {
        LinuxOptions resolved = new LinuxOptions(etc.resolve("untouched"), stateDir.resolve("b"), LinuxOptions.DnsBackend.SYSTEMD_RESOLVED, 52000, 5200);
        try (JournaledConfigurator config = new JournaledConfigurator(ChangeJournal.open(stateDir), new LinuxPlanner(runner, resolved), runner)) {
            config.applyDns(new DnsSettings("braid0", List.of(IpPrefix.literal("100.96.0.53")), List.of("corp.example"), true));
            assertThat(runner.commands()).startsWith(
                    "resolvectl dns braid0 100.96.0.53",
                    "resolvectl domain braid0 corp.example ~.",
                    "resolvectl default-route braid0 yes");
            runner.clear();
        }
        assertThat(runner.commands()).containsExactly("nft delete table inet braid_dns", "resolvectl revert braid0");
        assertThat(etc.resolve("untouched")).doesNotExist();
    }

    private JournaledConfigurator open(Path resolvConf) throws IOException {
        LinuxPlanner planner = new LinuxPlanner(runner, LinuxOptions.defaults(stateDir).withResolvConf(resolvConf));
        return new JournaledConfigurator(ChangeJournal.open(stateDir), planner, runner);
    }

    private static DnsSettings dns(String server) {
        return new DnsSettings("braid0", List.of(IpPrefix.literal(server)), List.of("corp.example"), false);
    }
}

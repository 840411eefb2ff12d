package io.braid.core.netcfg.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.NetworkConfigurators;
import io.braid.core.netcfg.ReconcileReport;
import io.braid.core.testing.CrashVictim;
import io.braid.core.testing.Netns;
import io.braid.core.testing.RootOnly;
import io.braid.core.testing.TwoWanTestbed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash contract: an agent killed with SIGKILL (no shutdown hook runs) leaves its changes
 * behind, and the next start undoes them exactly, except a lockdown kill switch, which stays
 * until it is lifted explicitly.
 */
class CrashRecoveryTest {
    static final String ORIGINAL_RESOLV_CONF = "nameserver 198.18.1.1\nsearch home.example\n";

    @TempDir Path stateDir;
    @TempDir Path etc;
    TwoWanTestbed bed;
    Path resolvConf;
    Process victim;

    @BeforeEach
    void build() throws IOException {
        RootOnly.assumeLinuxRoot();
        bed = TwoWanTestbed.create();
        resolvConf = etc.resolve("resolv.conf");
        Files.writeString(resolvConf, ORIGINAL_RESOLV_CONF);
    }

    @AfterEach
    void tearDown() {
        if (victim != null) victim.destroyForcibly();
        if (bed != null) bed.close();
    }

    @Test
    void afterSigkillTheNextStartRestoresRoutesRulesAddressesDnsAndFirewallExactly() throws Exception {
        String before = bed.client.networkSnapshot();

        startAndKill("on");

        assertThat(bed.client.exec("ip", "rule", "show")).as("leftovers of the dead run").contains("from 198.18.2.2");
        assertThat(bed.client.exec("nft", "list", "tables")).contains("braid_killswitch").contains("braid_dns");
        assertThat(Files.readString(resolvConf)).contains("100.96.0.53");

        ReconcileReport report;
        try (NetworkConfigurator restarted = open()) {
            report = restarted.reconcile();
            assertThat(bed.client.networkSnapshot()).isEqualTo(before);
        }
        assertThat(report.undone()).as("open() already reconciled").isZero();
        assertThat(Files.readString(resolvConf)).isEqualTo(ORIGINAL_RESOLV_CONF);
        assertThat(Files.readString(stateDir.resolve("netcfg-journal.jsonl"))).isEmpty();
    }

    @Test
    void afterSigkillInLockdownEverythingIsRestoredButTheKillSwitchWhichStaysUntilLifted() throws Exception {
        String before = bed.client.networkSnapshot();

        startAndKill("lockdown");
        try (NetworkConfigurator restarted = open()) {
            assertThat(bed.client.exec("ip", "rule", "show")).doesNotContain("198.18.2.2");
            assertThat(Files.readString(resolvConf)).isEqualTo(ORIGINAL_RESOLV_CONF);
            assertThat(bed.client.exec("nft", "list", "tables")).contains("braid_killswitch").doesNotContain("braid_dns");
            assertThat(bed.client.udpSendAllowed(new InetSocketAddress(TwoWanTestbed.ROUTER_PUBLIC, 4000))).as("fail closed").isFalse();
        }

        // `braid down --force` with the lift: the one way out of lockdown.
        NetworkConfigurators.forceDown(stateDir, planner(), bed.client.runner(), true);
        assertThat(bed.client.networkSnapshot()).isEqualTo(before);
        assertThat(bed.client.udpSendAllowed(new InetSocketAddress(TwoWanTestbed.ROUTER_PUBLIC, 4000))).isTrue();
    }

    private void startAndKill(String killSwitch) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        victim = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashVictim.class.getName(), bed.client.name(), stateDir.toString(), resolvConf.toString(), killSwitch)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return e.toString();
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line).as("the victim applied its configuration").isEqualTo(CrashVictim.READY);

        Netns.HOST.run("kill", "-KILL", Long.toString(victim.pid()));
        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    private NetworkConfigurator open() throws IOException {
        return NetworkConfigurators.open(stateDir, planner(), bed.client.runner());
    }

    private LinuxPlanner planner() {
        return new LinuxPlanner(bed.client.runner(), LinuxOptions.defaults(stateDir).withResolvConf(resolvConf));
    }

}

package io.braid.core.testing;

import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.KillSwitchLevel;
import io.braid.core.netcfg.KillSwitchPolicy;
import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.NetworkConfigurators;
import io.braid.core.netcfg.PrefixedCommandRunner;
import io.braid.core.netcfg.ProcessCommandRunner;
import io.braid.core.netcfg.RouteMode;
import io.braid.core.netcfg.TunnelRoutes;
import io.braid.core.netcfg.linux.LinuxNetns;
import io.braid.core.netcfg.linux.LinuxOptions;
import io.braid.core.netcfg.linux.LinuxPlanner;
import io.braid.core.tun.TunDevice;
import io.braid.core.tun.linux.LinuxTun;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in agent for the crash test, run in its own JVM: it opens a TUN in the client namespace
 * of a {@link TwoWanTestbed}, applies a full configuration (addresses, pinning, full-tunnel
 * routes, DNS, kill switch), prints READY and waits to be killed with SIGKILL.
 *
 * <p>Arguments: namespace, state directory, resolver file, kill switch level (off/on/lockdown).
 */
public final class CrashVictim {
    public static final String READY = "READY";

    public static void main(String[] args) throws Exception {
        String namespace = args[0];
        Path stateDir = Path.of(args[1]);
        CommandRunner runner = PrefixedCommandRunner.inNetns(new ProcessCommandRunner(), namespace);
        LinuxPlanner planner = new LinuxPlanner(runner, LinuxOptions.defaults(stateDir).withResolvConf(Path.of(args[2])));
        TunDevice tun = LinuxNetns.callIn(namespace, () -> LinuxTun.open("braid0", 1400));
        NetworkConfigurator config = NetworkConfigurators.open(stateDir, planner, runner);
        config.configureInterface(new InterfaceSettings(tun.name(), List.of(IpPrefix.parse("100.96.0.2/16")), 1380));
        config.pinWans(List.of(TwoWanTestbed.WAN1, TwoWanTestbed.WAN2));
        config.applyRoutes(new TunnelRoutes(tun.name(), RouteMode.FULL, List.of(IpPrefix.parse("198.18.200.0/24")),
                List.of(TwoWanTestbed.HEADEND), List.of(TwoWanTestbed.WAN1, TwoWanTestbed.WAN2), false));
        config.applyDns(new DnsSettings(tun.name(), List.of(IpPrefix.literal("100.96.0.53")), List.of("corp.example"), true));
        config.applyKillSwitch(new KillSwitchPolicy(KillSwitchLevel.fromWireName(args[3]), tun.name(), List.of(TwoWanTestbed.HEADEND), List.of()));
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

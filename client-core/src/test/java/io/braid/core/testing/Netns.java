package io.braid.core.testing;

import io.braid.core.netcfg.CommandResult;
import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.PrefixedCommandRunner;
import io.braid.core.netcfg.ProcessCommandRunner;
import io.braid.core.netcfg.linux.LinuxNetns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A network namespace a test creates and removes: {@code try (Netns ns = Netns.create("bc"))}.
 * Closing it deletes the namespace, and with it every interface, route, rule and nftables table
 * inside; veth peers in other namespaces go with their partner. Reused by the e2e testbed.
 */
public final class Netns implements AutoCloseable {
    /** Runs commands in the test's own (root) namespace. */
    public static final CommandRunner HOST = new ProcessCommandRunner(Duration.ofSeconds(20));

    private final String name;
    private final CommandRunner runner;
    private boolean closed;

    private Netns(String name) {
        this.name = name;
        this.runner = PrefixedCommandRunner.inNetns(HOST, name);
    }

    /** Creates a namespace named {@code prefix} + a random suffix, with loopback up. */
    public static Netns create(String prefix) throws IOException {
        Netns ns = new Netns(TestNames.unique(prefix));
        HOST.run("ip", "netns", "add", ns.name);
        try {
            ns.exec("ip", "link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name() {
        return name;
    }

    /** A runner for commands inside this namespace (what a configurator under test is given). */
    public CommandRunner runner() {
        return runner;
    }

    /** Runs a command inside and returns its stdout; fails with the command's stderr if it fails. */
    public String exec(String... command) throws IOException {
        return runner.run(command).stdout();
    }

    /** Runs a command inside and returns its result whatever the exit code. */
    public CommandResult tryExec(String... command) throws IOException {
        return runner.execute(List.of(command), null);
    }

    /** Runs Java code on a thread inside this namespace: sockets and TUN devices it opens live here. */
    public <T> T call(Callable<T> work) throws IOException {
        return LinuxNetns.callIn(name, work);
    }

    /** Enables IPv4 (and IPv6) forwarding: for router namespaces. */
    public void enableForwarding() throws IOException {
        exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");
    }

    /** Turns IPv6 off for interfaces created afterwards: no router solicitations or MLD in the counters. */
    public void disableIpv6() throws IOException {
        exec("sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
    }

    /**
     * Sends one UDP datagram from inside this namespace and says whether the OS let it out: false
     * when a firewall rule in the output path dropped it (the send fails with EPERM).
     */
    public boolean udpSendAllowed(java.net.InetSocketAddress target) throws IOException {
        return call(() -> {
            try (java.nio.channels.DatagramChannel ch = java.nio.channels.DatagramChannel.open()) {
                ch.send(java.nio.ByteBuffer.wrap(new byte[] {1}), target);
                return true;
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("not permitted")) return false;
                throw e;
            }
        });
    }

    /** A counter of an interface inside, e.g. {@code counter("wan1", "tx_packets")}. */
    public long counter(String ifName, String statistic) throws IOException {
        // ip -s would need parsing per version; sysfs, remounted per namespace by `ip netns exec`, is stable.
        return Long.parseLong(exec("cat", "/sys/class/net/" + ifName + "/statistics/" + statistic).strip());
    }

    /** Everything a test compares before and after: links and addresses, routes of every table, rules, nftables. */
    public String networkSnapshot() throws IOException {
        List<String> parts = new ArrayList<>();
        // The kernel attaches a default qdisc the first time a link goes up: not a configuration change.
        parts.add(exec("ip", "-d", "address", "show").replaceAll("qdisc \\S+ ", ""));
        parts.add(exec("ip", "route", "show", "table", "all"));
        parts.add(exec("ip", "-6", "route", "show", "table", "all"));
        parts.add(exec("ip", "rule", "show"));
        parts.add(exec("ip", "-6", "rule", "show"));
        parts.add(exec("nft", "list", "ruleset"));
        return String.join("\n---\n", parts);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            HOST.run("ip", "netns", "delete", name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete namespace " + name + "; remove it with `ip netns delete " + name + "`", e);
        }
    }

    @Override
    public String toString() {
        return "netns " + name;
    }
}

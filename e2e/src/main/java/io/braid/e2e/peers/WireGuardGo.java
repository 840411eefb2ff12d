package io.braid.e2e.peers;

import io.braid.core.netcfg.CommandResult;
import io.braid.core.testing.Netns;
import io.braid.core.testing.TestNames;
import io.braid.e2e.testbed.Addresses;
import io.braid.e2e.testbed.NsProcess;
import io.braid.e2e.testbed.Testbed;
import io.braid.e2e.testbed.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's wireguard-go (userspace WireGuard, configured with wg) from the client to the
 * headend's public address over the first WAN, with the LAN routed behind it. Inner addresses
 * 198.19.1.2 (client) and .1 (headend). Interface names are unique per run because wireguard-go's
 * control socket (/var/run/wireguard/NAME.sock) is shared by every namespace.
 */
public final class WireGuardGo extends LanPath {
    private static final int PORT = 51820;
    private static final int TUNNEL = 1; // 198.19.1.0/24
    private final List<NsProcess> daemons;

    private WireGuardGo(Testbed testbed, List<NsProcess> daemons) {
        super(testbed);
        this.daemons = daemons;
    }

    public static WireGuardGo open(Testbed testbed) throws IOException {
        Path dir = Files.createDirectories(testbed.workDir().resolve("wireguard"));
        Path headendKey = privateKey(dir.resolve("headend.key"));
        Path clientKey = privateKey(dir.resolve("client.key"));
        String headendIf = TestNames.unique("wg");
        String clientIf = TestNames.unique("wg");
        NsProcess headend = start(testbed, testbed.headend(), headendIf);
        NsProcess client = null;
        try {
            client = start(testbed, testbed.client(), clientIf);
            configure(testbed.headend(), headendIf, headendKey, Addresses.tunnelAddress(TUNNEL, 1), List.of("listen-port", Integer.toString(PORT),
                    "peer", publicKey(clientKey), "allowed-ips", Addresses.tunnelAddress(TUNNEL, 2) + "/32"));
            configure(testbed.client(), clientIf, clientKey, Addresses.tunnelAddress(TUNNEL, 2), List.of(
                    "peer", publicKey(headendKey), "allowed-ips", "198.19." + TUNNEL + ".0/24," + Addresses.LAN_SUBNET,
                    "endpoint", Addresses.HEADEND_PUBLIC + ":" + PORT));
            testbed.client().exec("ip", "route", "add", Addresses.LAN_SUBNET, "dev", clientIf);
            return new WireGuardGo(testbed, List.of(client, headend));
        } catch (IOException | RuntimeException e) {
            if (client != null) client.close();
            headend.close();
            throw e;
        }
    }

    private static Path privateKey(Path file) throws IOException {
        Files.writeString(file, Netns.HOST.run("wg", "genkey").stdout());
        return file;
    }

    private static String publicKey(Path privateKey) throws IOException {
        CommandResult r = Netns.HOST.run(List.of("wg", "pubkey"), Files.readString(privateKey));
        return r.stdout().strip();
    }

    /** wireguard-go in the foreground (-f), so the PID we hold is the daemon's; ready once its control socket exists. */
    private static NsProcess start(Testbed testbed, Netns ns, String ifName) throws IOException {
        NsProcess daemon = testbed.start(ns, Map.of("LOG_LEVEL", "error"), List.of("wireguard-go", "-f", ifName));
        Path socket = Path.of("/var/run/wireguard", ifName + ".sock");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(socket)) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                daemon.close();
                throw new IOException("wireguard-go " + ifName + " did not start: " + daemon.output());
            }
            Waits.sleep(20);
        }
        return daemon;
    }

    private static void configure(Netns ns, String ifName, Path key, String address, List<String> peer) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("wg", "set", ifName, "private-key", key.toString()));
        command.addAll(peer);
        ns.runner().run(command);
        ns.exec("ip", "address", "add", address + "/24", "dev", ifName);
        ns.exec("ip", "link", "set", ifName, "up");
    }

    @Override
    public List<NsProcess> processes() {
        return daemons;
    }

    @Override
    public String label() {
        return "wireguard-go";
    }

    @Override
    public void close() {
        daemons.forEach(NsProcess::close); // wireguard-go removes its interface, routes and socket as it ends
    }
}

package io.braid.e2e.peers;

import io.braid.e2e.testbed.Addresses;
import io.braid.e2e.testbed.NsProcess;
import io.braid.e2e.testbed.Testbed;
import io.braid.e2e.testbed.Waits;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's OpenVPN 2.6 from the client to the headend, in point-to-point TLS mode with a PKI made
 * for the run, one data cipher forced on both ends (so the row measures that cipher), the LAN
 * routed behind it, and no kernel offload (DCO). Over UDP on the first WAN; or, as OpenMPTCProuter
 * does for bonding, over TCP made MPTCP by {@code mptcpize}, with a subflow on every WAN.
 * Inner addresses 198.19.2.2 (client) and .1 (headend).
 */
public final class OpenVpn extends LanPath {
    private static final int PORT = 1194;
    private static final int TUNNEL = 2; // 198.19.2.0/24
    private static final String DEVICE = "ovpn0"; // each end in its own namespace: no clash

    /** The data-channel ciphers compared. */
    public enum Cipher {
        AES_256_GCM("AES-256-GCM"), CHACHA20_POLY1305("CHACHA20-POLY1305");

        final String openVpnName;

        Cipher(String openVpnName) {
            this.openVpnName = openVpnName;
        }
    }

    private final Cipher cipher;
    private final boolean overMptcp;
    private final List<NsProcess> daemons;

    private OpenVpn(Testbed testbed, Cipher cipher, boolean overMptcp, List<NsProcess> daemons) {
        super(testbed);
        this.cipher = cipher;
        this.overMptcp = overMptcp;
        this.daemons = daemons;
    }

    /** Over UDP through the client's preferred WAN. */
    public static OpenVpn udp(Testbed testbed, Cipher cipher) throws IOException {
        return open(testbed, cipher, false);
    }

    /** Over one MPTCP connection with a subflow on every WAN (TCP inside TCP: the OpenMPTCProuter recipe). */
    public static OpenVpn overMptcp(Testbed testbed, Cipher cipher) throws IOException {
        Mptcp.enable(testbed);
        try {
            return open(testbed, cipher, true);
        } catch (IOException | RuntimeException e) {
            Mptcp.disable(testbed);
            throw e;
        }
    }

    private static OpenVpn open(Testbed testbed, Cipher cipher, boolean overMptcp) throws IOException {
        OpenVpnPki pki = OpenVpnPki.create(testbed.workDir().resolve("openvpn-pki"));
        String headend = Addresses.tunnelAddress(TUNNEL, 1);
        String client = Addresses.tunnelAddress(TUNNEL, 2);
        List<String> server = command(overMptcp, cipher, headend, client);
        server.addAll(List.of(overMptcp ? "tcp4-server" : "udp4", "--local", Addresses.HEADEND_PUBLIC, "--lport", Integer.toString(PORT),
                "--tls-server", "--dh", "none", "--cert", pki.serverCert().toString(), "--key", pki.serverKey().toString(), "--ca", pki.ca().toString()));
        NsProcess serverProcess = testbed.start(testbed.headend(), java.util.Map.of(), server);
        try {
            // In point-to-point mode the server completes only with its client: first wait for its socket.
            Waits.forOutput(serverProcess, overMptcp ? "Listening for incoming TCP connection" : "link local (bound)", Duration.ofSeconds(15));
            List<String> peer = command(overMptcp, cipher, client, headend);
            peer.addAll(List.of(overMptcp ? "tcp4-client" : "udp4", "--remote", Addresses.HEADEND_PUBLIC, Integer.toString(PORT), "--nobind",
                    "--tls-client", "--remote-cert-tls", "server", "--cert", pki.clientCert().toString(), "--key", pki.clientKey().toString(),
                    "--ca", pki.ca().toString(), "--route", "198.18.10.0", "255.255.255.0"));
            NsProcess clientProcess = testbed.start(testbed.client(), java.util.Map.of(), peer);
            try {
                Waits.forOutput(clientProcess, "Initialization Sequence Completed", Duration.ofSeconds(20));
                Waits.forOutput(serverProcess, "Initialization Sequence Completed", Duration.ofSeconds(5));
                return new OpenVpn(testbed, cipher, overMptcp, List.of(clientProcess, serverProcess));
            } catch (IOException | RuntimeException e) {
                clientProcess.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            serverProcess.close();
            throw e;
        }
    }

    /** What both ends share; the caller appends the protocol value and its end's own options. */
    private static List<String> command(boolean overMptcp, Cipher cipher, String local, String remote) {
        List<String> c = new ArrayList<>(overMptcp ? Mptcp.WRAPPER : List.of());
        c.addAll(List.of("openvpn", "--dev", DEVICE, "--dev-type", "tun", "--ifconfig", local, remote, "--disable-dco",
                "--data-ciphers", cipher.openVpnName, "--verb", "3", "--ping", "1", "--ping-exit", "30",
                // A longer TUN queue and 4 MB socket buffers: with the defaults, bursts of the inner TCP
                // overflow them and OpenVPN measured 250-280 Mbit/s here instead of 380-490.
                "--txqueuelen", "1000", "--sndbuf", "4194304", "--rcvbuf", "4194304", "--proto"));
        return c;
    }

    /** The data cipher the client's log says was negotiated (for tests). */
    public String negotiatedCipherLine() throws IOException {
        return daemons.getFirst().output().lines().filter(l -> l.contains("Data Channel: cipher")).findFirst().orElse("");
    }

    @Override
    public List<NsProcess> processes() {
        return daemons;
    }

    @Override
    public String label() {
        return "OpenVPN " + cipher.openVpnName + (overMptcp ? " over MPTCP" : "");
    }

    @Override
    public void close() throws IOException {
        daemons.forEach(NsProcess::close);
        if (overMptcp) Mptcp.disable(testbed);
    }
}

package io.braid.core.tun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.NetworkConfigurators;
import io.braid.core.os.OperatingSystem;
import io.braid.core.testing.Ipv4Packets;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real device and configurator of macOS or Windows, end to end, for the cross-OS workflow
 * (.github/workflows/cross-os.yml), which runs it with administrator rights (and, on Windows,
 * wintun.dll in {@code braid.wintun.dir}). Linux has its namespace tests instead. It opens the
 * OS's TUN through {@link TunDevices}, gives it 100.96.0.1/30 through the OS's configurator, and
 * checks a datagram both ways: sent by a socket and read out of the TUN, answered into the TUN
 * and received by the socket. Then everything is undone.
 */
class TunDeviceSmokeTest {
    static final InetAddress LOCAL = IpPrefix.literal("100.96.0.1");
    static final InetAddress PEER = IpPrefix.literal("100.96.0.2");

    @TempDir Path stateDir;

    @Test
    void aDatagramGoesOutThroughTheTunAndItsAnswerComesBack() throws Exception {
        OperatingSystem os = OperatingSystem.current();
        assumeTrue(os != OperatingSystem.LINUX, "Linux is tested in namespaces (LinuxTunTest)");
        assumeTrue(Boolean.getBoolean("braid.smoke"), "set -Dbraid.smoke=true with administrator rights to open a real tunnel");
        try (TunDevice tun = TunDevices.open(os == OperatingSystem.WINDOWS ? "BraidSmoke" : "", 1400);
                NetworkConfigurator config = NetworkConfigurators.open(stateDir)) {
            config.configureInterface(new InterfaceSettings(tun.name(), List.of(IpPrefix.parse("100.96.0.1/30")), 1400));
            Thread.ofVirtual().start(() -> closeAfterSeconds(tun, 60)); // a lost packet must not hang CI
            try (DatagramChannel socket = bindWhenAddressIsReady()) {
                int port = ((InetSocketAddress) socket.getLocalAddress()).getPort();
                socket.send(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress(PEER, 7000));

                ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
                Ipv4Packets.View out;
                do { // the OS sends packets of its own into a new interface (IPv6 RS, mDNS...): skip them
                    tun.read(buffer.clear());
                    out = Ipv4Packets.View.of(buffer.flip());
                } while (out.version() != 4 || out.protocol() != Ipv4Packets.PROTO_UDP || out.payloadShort(2) != 7000);
                assertThat(new String(out.udpData(), StandardCharsets.US_ASCII)).isEqualTo("hello");

                Ipv4Packets.udp(buffer.clear(), PEER, 7000, LOCAL, port, "world".getBytes(StandardCharsets.US_ASCII));
                tun.write(buffer);
                socket.socket().setSoTimeout(5000);
                DatagramPacket answer = new DatagramPacket(new byte[64], 64);
                socket.socket().receive(answer);
                assertThat(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII)).isEqualTo("world");
            }
        }
    }

    /** Windows keeps a new address tentative for a moment; binding to it fails until then. */
    private static DatagramChannel bindWhenAddressIsReady() throws Exception {
        for (int attempt = 0; ; attempt++) {
            DatagramChannel channel = DatagramChannel.open();
            try {
                return channel.bind(new InetSocketAddress(LOCAL, 0));
            } catch (java.io.IOException e) {
                channel.close();
                if (attempt == 40) throw e;
                Thread.sleep(250);
            }
        }
    }

    private static void closeAfterSeconds(TunDevice tun, int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
            tun.close();
        } catch (Exception ignored) {
            // the test finished first
        }
    }
}

package io.braid.core.engine;

import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.NetworkConfigurators;
import io.braid.core.netcfg.ProcessCommandRunner;
import io.braid.core.netcfg.WanLink;
import io.braid.core.netcfg.linux.LinuxWanDiscovery;
import io.braid.core.os.OperatingSystem;
import io.braid.core.tun.TunDevice;
import io.braid.core.tun.TunDevices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The real edges: the OS's TUN device, its network configuration journaled in the state directory
 * (opening it first undoes whatever a crashed run left), its WANs, and plain UDP sockets.
 */
public final class SystemClientEnvironment implements ClientEnvironment {
    private final Path stateDir;
    private final String tunName;
    private NetworkConfigurator network;

    public SystemClientEnvironment(Path stateDir, String tunName) {
        this.stateDir = stateDir;
        this.tunName = tunName;
    }

    /** Opens the configurator now (reconciling a crashed run) so failures show before connecting. */
    public SystemClientEnvironment prepare() throws IOException {
        network = NetworkConfigurators.open(stateDir);
        return this;
    }

    @Override
    public TunDevice openTun(String name, int mtu) throws IOException {
        return TunDevices.open(name, mtu);
    }

    @Override
    public synchronized NetworkConfigurator network() {
        if (network == null) {
            try {
                prepare();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return network;
    }

    @Override
    public List<WanLink> wans() throws IOException {
        if (OperatingSystem.current() != OperatingSystem.LINUX) {
            throw new IOException("WAN discovery for full-tunnel mode is only implemented on Linux so far");
        }
        return new LinuxWanDiscovery(new ProcessCommandRunner(), Set.of(tunName)).discover();
    }

    @Override
    public DatagramChannel openPath(InetSocketAddress headend) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.connect(headend);
        return channel;
    }
}

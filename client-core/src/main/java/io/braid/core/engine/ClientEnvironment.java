package io.braid.core.engine;

import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.WanLink;
import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;

/**
 * The operating-system edges of the client engine, behind one seam so the engine runs the same over
 * a real TUN, routes and sockets as over in-memory fakes in tests.
 */
public interface ClientEnvironment {
    TunDevice openTun(String name, int mtu) throws IOException;

    /** Where interface, route, DNS and kill-switch changes go (journaled, undone on close). */
    NetworkConfigurator network();

    /** The machine's WANs (for full-tunnel exception routes). */
    List<WanLink> wans() throws IOException;

    /** A UDP socket for a path towards the headend's data port connected to it (unpinned: one path until bonding). */
    DatagramChannel openPath(InetSocketAddress headend) throws IOException;
}

package io.braid.core.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A UDP path: one socket, one peer address. The headend's paths share its one listening socket and
 * each holds the client address it last heard from on that path (updated after NAT rebinding).
 */
public final class UdpPath implements PathTransport {
    private final DatagramChannel channel;
    private volatile InetSocketAddress peer;

    public UdpPath(DatagramChannel channel, InetSocketAddress peer) {
        this.channel = channel;
        this.peer = peer;
    }

    @Override
    public void send(ByteBuffer datagram) throws IOException {
        channel.send(datagram, peer);
    }

    public InetSocketAddress peer() {
        return peer;
    }

    /** Follows the peer to a new address (roaming, NAT rebinding) after an authenticated packet came from it. */
    public void moveTo(InetSocketAddress address) {
        this.peer = address;
    }

    public DatagramChannel channel() {
        return channel;
    }

    @Override
    public String kind() {
        return "udp";
    }

    @Override
    public String describe() {
        return "udp:" + peer;
    }
}

package io.braid.core.api.server;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/** Who is on the other end of a Unix socket, as the kernel says (SO_PEERCRED on Linux, LOCAL_PEERCRED on macOS). */
final class PeerCredentials {
    private PeerCredentials() {}

    static boolean supported(SocketChannel channel) {
        return channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED);
    }

    /** The peer's user and primary group, or empty where the OS does not tell (Windows). */
    static Optional<UnixDomainPrincipal> of(SocketChannel channel) {
        if (!supported(channel)) {
            return Optional.empty();
        }
        try {
            return Optional.of(channel.getOption(ExtendedSocketOptions.SO_PEERCRED));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** A name for logs and per-user limits. */
    static String describe(Optional<UnixDomainPrincipal> peer) {
        return peer.map(p -> p.user().getName()).orElse("unknown");
    }
}

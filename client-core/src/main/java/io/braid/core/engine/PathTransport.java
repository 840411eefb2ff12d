package io.braid.core.engine;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a session's sealed datagrams for one path go: a UDP socket (to the peer's address on that
 * path), or the TLS control connection when UDP is blocked. {@code send} consumes the buffer's
 * remaining bytes as one datagram.
 */
public interface PathTransport {
    void send(ByteBuffer datagram) throws IOException;

    /** "udp" or "tcp": what status shows. */
    String kind();

    /** The peer's address as this path sees it, for status and logs. */
    String describe();
}

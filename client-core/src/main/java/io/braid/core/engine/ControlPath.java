package io.braid.core.engine;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The data plane's fallback path: sealed datagrams carried in data frames on the control connection. */
public final class ControlPath implements PathTransport {
    /** The path id reserved for the control-connection fallback. */
    public static final int PATH_ID = 0;

    private final ControlConnection connection;

    public ControlPath(ControlConnection connection) {
        this.connection = connection;
    }

    @Override
    public void send(ByteBuffer datagram) throws IOException {
        connection.sendData(datagram);
    }

    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    public String describe() {
        return "tls:" + connection.socket().getRemoteSocketAddress();
    }
}

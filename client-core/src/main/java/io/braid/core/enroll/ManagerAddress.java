package io.braid.core.enroll;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.manager.ManagerApi;
import java.net.URI;
import java.net.URISyntaxException;

/** A manager address as users type it ({@code vpn.example.com}, {@code host:8443}, {@code https://host:8443}), made canonical. */
public final class ManagerAddress {
    private ManagerAddress() {}

    /** {@code https://HOST:PORT/}, with the manager's default port when none is given. */
    public static URI parse(String text) {
        String t = text.trim();
        if (!t.contains("://")) {
            t = "https://" + t;
        }
        try {
            URI u = new URI(t);
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new BraidException(ErrorCode.BAD_INPUT, "--server must be an https:// address with a host, like https://vpn.example.com:8443");
            }
            int port = u.getPort() == -1 ? ManagerApi.DEFAULT_PORT : u.getPort();
            return new URI("https", null, u.getHost(), port, "/", null, null);
        } catch (URISyntaxException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "--server is not a valid address: " + e.getReason());
        }
    }
}

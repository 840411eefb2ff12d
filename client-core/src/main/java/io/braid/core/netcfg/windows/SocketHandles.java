package io.braid.core.netcfg.windows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.DatagramChannel;

/**
 * The native handle of a channel (the SOCKET on Windows, the descriptor elsewhere). Windows has
 * no way to find it from outside, so this asks the JDK's own channel through its public
 * {@code sun.nio.ch.SelChImpl#getFDVal()}, which needs the JVM option
 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (Braid's launchers and jar manifest
 * ({@code Add-Exports}) carry it). Without it this fails with a message saying so.
 */
public final class SocketHandles {
    private SocketHandles() {}

    public static long of(DatagramChannel channel) {
        Module ours = SocketHandles.class.getModule();
        if (!Object.class.getModule().isExported("sun.nio.ch", ours)) {
            throw new UnsupportedOperationException("pinning a socket to an interface on Windows needs the JVM option "
                    + "--add-exports java.base/sun.nio.ch=ALL-UNNAMED (the Braid launcher sets it)");
        }
        try {
            Method getFdVal = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
            return ((Number) getFdVal.invoke(channel)).longValue();
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new UnsupportedOperationException("this JDK's DatagramChannel does not expose its socket handle", e);
        }
    }
}

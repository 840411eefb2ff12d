package io.braid.core.os;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes registered resources (TUN devices, network configurators) from one JVM shutdown hook,
 * newest first, so a Ctrl-C or service stop leaves no device or route behind. A resource
 * removes itself when closed normally. SIGKILL bypasses this; the crash journal covers that.
 */
public final class ShutdownCloser {
    private static final Logger log = LoggerFactory.getLogger(ShutdownCloser.class);
    private static final Set<Closeable> open = Collections.synchronizedSet(new LinkedHashSet<>());

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("braid-shutdown-closer").unstarted(ShutdownCloser::closeAll));
    }

    private ShutdownCloser() {}

    public static void register(Closeable resource) {
        open.add(resource);
    }

    public static void unregister(Closeable resource) {
        open.remove(resource);
    }

    private static void closeAll() {
        List<Closeable> toClose;
        synchronized (open) {
            toClose = new ArrayList<>(open);
        }
        Collections.reverse(toClose);
        for (Closeable c : toClose) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                log.warn("closing {} at shutdown failed: {}", c, e.toString());
            }
        }
    }
}

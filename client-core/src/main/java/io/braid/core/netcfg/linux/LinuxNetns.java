package io.braid.core.netcfg.linux;

import io.braid.core.tun.linux.LinuxLibc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs code inside a named network namespace (one made by {@code ip netns add}). setns(2) moves
 * only the calling thread, so the code runs on a fresh platform thread that enters the namespace
 * and then ends; the JVM's other threads are untouched. Sockets and TUN devices created there
 * belong to that namespace for their whole life, and their descriptors work from any thread.
 * The server's headend and the tests use this to put a device or socket into a namespace.
 */
public final class LinuxNetns {
    private static final Path NETNS_DIR = Path.of("/var/run/netns");

    private LinuxNetns() {}

    public static <T> T callIn(String namespace, Callable<T> work) throws IOException {
        Path path = NETNS_DIR.resolve(namespace);
        FutureTask<T> task = new FutureTask<>(() -> {
            int fd = LinuxLibc.check("open(" + path + ")", LinuxLibc.open(path.toString(), LinuxLibc.O_RDONLY | LinuxLibc.O_CLOEXEC));
            try {
                LinuxLibc.check("setns(" + namespace + ")", LinuxLibc.setns(fd, LinuxLibc.CLONE_NEWNET));
            } finally {
                LinuxLibc.close(fd);
            }
            return work.call();
        });
        // Never returned to a pool: a thread left in another namespace must not run anything else.
        Thread thread = Thread.ofPlatform().name("braid-netns-" + namespace).start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while working in namespace " + namespace, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            throw new IOException("work in namespace " + namespace + " failed: " + cause, cause);
        }
    }

    /** Like {@link #callIn} for work with no result. */
    public static void runIn(String namespace, IoRunnable work) throws IOException {
        callIn(namespace, () -> {
            work.run();
            return null;
        });
    }

    /** A piece of work that may throw IOException. */
    @FunctionalInterface
    public interface IoRunnable {
        void run() throws IOException;
    }

}

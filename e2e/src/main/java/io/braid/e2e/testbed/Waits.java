package io.braid.e2e.testbed;

import java.io.IOException;
import java.time.Duration;

/** Bounded waits for reference daemons to come up. */
public final class Waits {
    private Waits() {}

    /** Waits until {@code process} has printed {@code line}; fails if it exits first or {@code timeout} passes. */
    public static void forOutput(NsProcess process, String line, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!process.output().contains(line)) {
            if (!process.isAlive()) throw new IOException(process + " exited before saying '" + line + "':\n" + process.output());
            if (System.nanoTime() > deadline) throw new IOException(process + " did not say '" + line + "' within " + timeout.toSeconds() + " s:\n" + process.output());
            sleep(20);
        }
    }

    /** Waits until {@code condition} holds; fails with what was awaited once {@code timeout} passes. */
    public static void until(java.util.function.BooleanSupplier condition, Duration timeout, String what) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IOException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            sleep(50);
        }
    }

    public static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

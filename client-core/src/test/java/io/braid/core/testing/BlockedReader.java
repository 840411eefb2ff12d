package io.braid.core.testing;

import io.braid.core.tun.TunDevice;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A platform thread blocked in {@link TunDevice#read}: for tests that close a device under a reader. */
public final class BlockedReader {
    private final CompletableFuture<Throwable> outcome;

    private BlockedReader(CompletableFuture<Throwable> outcome) {
        this.outcome = outcome;
    }

    /** Starts the read and gives it time to block. */
    public static BlockedReader start(TunDevice tun) throws InterruptedException {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                tun.read(ByteBuffer.allocateDirect(tun.mtu() + 100));
                return null;
            } catch (Exception e) {
                return e;
            }
        }, r -> Thread.ofPlatform().name("blocked-reader").start(r));
        Thread.sleep(150);
        return new BlockedReader(outcome);
    }

    /** What the read ended with (null if it returned a packet), waiting at most two seconds. */
    public Throwable outcome() throws Exception {
        return outcome.get(2, TimeUnit.SECONDS);
    }
}

package io.braid.core.engine;

/**
 * Finds the largest UDP payload a path carries, without relying on ICMP: probes of decreasing size
 * (padded PROBE packets sent with the don't-fragment bit) go out together; the largest one
 * acknowledged wins. Until then the safe minimum (IPv6's 1280 minus the IP and UDP headers) is used.
 * A manual override skips probing. Re-run after a path change. Pure: sizes and time in, a size out.
 */
public final class PathMtuProber {
    /** 1280 - 48 (IPv6 + UDP): every path can carry it. */
    public static final int SAFE_MTU = 1232;
    /** Candidate UDP payload sizes: Ethernet, PPPoE, common tunnels, then down to the safe minimum. */
    static final int[] CANDIDATES = {1472, 1452, 1432, 1400, 1372, 1332, 1280, SAFE_MTU};
    private static final long PROBE_TIMEOUT_NANOS = 1_000_000_000L;

    private final Integer override;
    private int confirmed = SAFE_MTU;
    private long probesSentAt = -1;
    private boolean done;

    /** @param override a fixed MTU from the user, or null to probe */
    public PathMtuProber(Integer override) {
        this.override = override;
        if (override != null) {
            confirmed = override;
            done = true;
        }
    }

    /** The UDP payload size to use now. */
    public int mtu() {
        return confirmed;
    }

    /** The sizes to probe now (empty when probing is over or already in flight). */
    public int[] probesDue(long nowNanos) {
        if (done || probesSentAt >= 0) {
            return new int[0];
        }
        probesSentAt = nowNanos;
        return CANDIDATES.clone();
    }

    /** A probe of {@code size} bytes came back: the path carries it. */
    public boolean onAcknowledged(int size) {
        if (override != null || size <= confirmed) {
            return false;
        }
        confirmed = size;
        done = size >= CANDIDATES[0];
        return true;
    }

    /** Ends the round once the probes had their time; the largest acknowledged size stays. */
    public void tick(long nowNanos) {
        if (!done && probesSentAt >= 0 && nowNanos - probesSentAt > PROBE_TIMEOUT_NANOS) {
            done = true;
        }
    }

    /** Starts over (a new path, or a reconnect). */
    public void restart() {
        if (override == null) {
            confirmed = SAFE_MTU;
            probesSentAt = -1;
            done = false;
        }
    }

    public boolean probing() {
        return !done;
    }
}

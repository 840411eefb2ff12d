package io.braid.e2e.testbed;

import io.braid.core.testing.Netns;
import java.io.IOException;

/**
 * Rate limits with the kernel's token bucket (tbf), on an interface's egress. The queue holds
 * 50 ms at the rate (a modest bottleneck buffer, as on a real access link); the burst is 4 ms at
 * the rate but at least two full packets, so tbf never starves a 1,500-byte packet at low rates.
 * GSO super-packets larger than the burst are segmented by tbf itself.
 */
final class TrafficControl {
    private static final double QUEUE_SECONDS = 0.050;
    private static final double BURST_SECONDS = 0.004;

    private TrafficControl() {}

    /** Sets (or replaces) the rate; 0 removes the limit. */
    static void rate(Netns ns, String ifName, double mbit) throws IOException {
        if (mbit == 0) {
            ns.tryExec("tc", "qdisc", "del", "dev", ifName, "root"); // none there is fine
            return;
        }
        long bitsPerSecond = Math.round(mbit * 1_000_000);
        long burst = Math.max(3028, Math.round(bitsPerSecond / 8.0 * BURST_SECONDS));
        long limit = Math.round(bitsPerSecond / 8.0 * QUEUE_SECONDS) + burst;
        ns.exec("tc", "qdisc", "replace", "dev", ifName, "root", "tbf", "rate", bitsPerSecond + "bit", "burst", Long.toString(burst),
                "limit", Long.toString(limit));
    }
}

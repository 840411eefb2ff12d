package io.braid.server.enroll;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down key guessing: each source address may fail enrollment {@code burst} times, then one more
 * time per {@code refill} interval (a token bucket per address). Successful enrollments cost nothing.
 * The table is bounded: when full, buckets that have refilled completely are dropped first.
 */
public final class FailureRateLimiter {
    private final int burst;
    private final Duration refill;
    private final int maxSources;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    public FailureRateLimiter(int burst, Duration refill, int maxSources, Clock clock) {
        this.burst = burst;
        this.refill = refill;
        this.maxSources = maxSources;
        this.clock = clock;
    }

    /** True while the source still has failures left to spend. */
    public boolean allowed(String source) {
        Bucket b = buckets.get(source);
        if (b == null) {
            return true;
        }
        synchronized (b) {
            top(b);
            return b.tokens >= 1.0;
        }
    }

    public void recordFailure(String source) {
        if (buckets.size() >= maxSources && !buckets.containsKey(source)) {
            evictRefilled();
        }
        Bucket b = buckets.computeIfAbsent(source, s -> new Bucket(burst, nowNanos()));
        synchronized (b) {
            top(b);
            b.tokens = Math.max(0, b.tokens - 1);
        }
    }

    private void top(Bucket b) {
        long now = nowNanos();
        b.tokens = Math.min(burst, b.tokens + (double) (now - b.updatedNanos) / refill.toNanos());
        b.updatedNanos = now;
    }

    private void evictRefilled() {
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Bucket b = it.next().getValue();
            synchronized (b) {
                top(b);
                if (b.tokens >= burst) {
                    it.remove();
                }
            }
        }
        if (buckets.size() >= maxSources) {
            buckets.clear(); // under a flood from many addresses, forgetting is safer than growing without bound
        }
    }

    private long nowNanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

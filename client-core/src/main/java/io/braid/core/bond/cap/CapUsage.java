package io.braid.core.bond.cap;

import java.time.Instant;

/** What a link has used in the period that started at {@code periodStart}; the unit {@link CapStore} keeps. */
public record CapUsage(String link, long usedBytes, Instant periodStart) {
    public CapUsage {
        if (link == null || link.isBlank()) throw new IllegalArgumentException("usage needs a link name");
        if (usedBytes < 0) throw new IllegalArgumentException("used bytes must not be negative");
        if (periodStart == null) throw new IllegalArgumentException("usage needs a period start");
    }
}

package io.braid.core.bond.cap;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One link's count for the current period. {@link #add} is on the hot path (every packet sent or
 * received on the link): a field increment, nothing else. Period ends are handled by the ledger.
 */
public final class CapAccount {
    private final String link;
    private DataCap cap;
    private CapPeriod period;
    private long usedBytes;
    private Instant periodStart;
    private Instant periodEnd;
    private boolean dirty;

    CapAccount(String link, DataCap cap, CapPeriod defaultPeriod, long usedBytes, Instant periodStart, Instant now) {
        this.link = link;
        this.usedBytes = usedBytes;
        setCap(cap, defaultPeriod, now);
        if (!this.periodStart.equals(periodStart)) this.usedBytes = 0; // what was stored belongs to an earlier period
    }

    public void add(long bytes) {
        usedBytes += bytes;
        dirty = true;
    }

    /** Over its cap: the scheduler treats the link as {@code never} until the period ends. */
    public boolean exhausted() {
        return cap != null && usedBytes >= cap.limitBytes();
    }

    public String link() {
        return link;
    }

    public long usedBytes() {
        return usedBytes;
    }

    public OptionalLong limitBytes() {
        return cap == null ? OptionalLong.empty() : OptionalLong.of(cap.limitBytes());
    }

    public boolean capped() {
        return cap != null;
    }

    public Instant periodStart() {
        return periodStart;
    }

    public Instant periodEnd() {
        return periodEnd;
    }

    void setCap(DataCap cap, CapPeriod defaultPeriod, Instant now) {
        this.cap = cap;
        this.period = cap != null ? cap.period() : defaultPeriod;
        this.periodStart = period.start(now);
        this.periodEnd = period.end(now);
        dirty = true;
    }

    /** Starts a new period (count back to zero) when {@code now} has reached the end of this one. */
    void rollover(Instant now) {
        if (now.isBefore(periodEnd)) return;
        usedBytes = 0;
        periodStart = period.start(now);
        periodEnd = period.end(now);
        dirty = true;
    }

    CapUsage usage() {
        return new CapUsage(link, usedBytes, periodStart);
    }

    boolean takeDirty() {
        boolean was = dirty;
        dirty = false;
        return was;
    }
}

package io.braid.core.bond.sched;

/**
 * Says when parity is due, per packet: the engine calls {@link #onMemberSent} for each data packet
 * it sends as an FEC group member; when that completes a group of k the group's m parity packets
 * are due at once. A group that stays partial (traffic paused) is flushed after
 * {@code maxGroupAgeNanos}, so its last packets are protected too, while parity can still arrive
 * before the receiver's reorder buffer gives up on them. The Reed-Solomon coding itself is the
 * protocol's ({@code FecGroupEncoder}); this object only decides timing and grouping.
 */
public final class FecPolicy {
    /** Flush a partial group after this long by default: a small fraction of a typical reorder hold. */
    public static final long DEFAULT_MAX_GROUP_AGE_NANOS = 5_000_000L;
    private static final long NONE = Long.MIN_VALUE;

    private final FecSpec spec;
    private final long maxGroupAgeNanos;
    private long group;
    private int members;
    private long firstMemberNanos = NONE;

    public FecPolicy(FecSpec spec, long maxGroupAgeNanos) {
        if (maxGroupAgeNanos <= 0) throw new IllegalArgumentException("the group age limit must be positive");
        this.spec = spec;
        this.maxGroupAgeNanos = maxGroupAgeNanos;
    }

    public static FecPolicy of(FecSpec spec) {
        return new FecPolicy(spec, DEFAULT_MAX_GROUP_AGE_NANOS);
    }

    public boolean enabled() {
        return spec.enabled();
    }

    public FecSpec spec() {
        return spec;
    }

    /** The sequence number of the group the next member joins. */
    public long group() {
        return group;
    }

    /** Members in the open group so far. */
    public int members() {
        return members;
    }

    /**
     * A member was sent. Returns true when it completed its group: send the group's m parity packets
     * now; the next member opens a new group. Always false while FEC is off.
     */
    public boolean onMemberSent(long nowNanos) {
        if (!spec.enabled()) return false;
        if (members == 0) firstMemberNanos = nowNanos;
        members++;
        if (members < spec.k()) return false;
        closeGroup();
        return true;
    }

    /** True when a partial group has waited too long: flush its parity now, then call {@link #onFlushed}. */
    public boolean flushDue(long nowNanos) {
        return members > 0 && nowNanos - firstMemberNanos >= maxGroupAgeNanos;
    }

    /** The partial group's parity was sent. */
    public void onFlushed() {
        if (members > 0) closeGroup();
    }

    /** When a partial group must be flushed, or {@link Long#MAX_VALUE} when none is open. */
    public long nextDeadlineNanos() {
        return members == 0 ? Long.MAX_VALUE : firstMemberNanos + maxGroupAgeNanos;
    }

    private void closeGroup() {
        group++;
        members = 0;
        firstMemberNanos = NONE;
    }
}

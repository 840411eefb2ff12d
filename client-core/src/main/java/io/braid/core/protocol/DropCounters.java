package io.braid.core.protocol;

import java.util.EnumMap;
import java.util.Map;

/** Dropped-datagram counts by {@link DropReason}: a plain long array, so counting never allocates. */
public final class DropCounters {
    private static final DropReason[] REASONS = DropReason.values();
    private final long[] counts = new long[DropReason.CODE_LIMIT];

    public void increment(DropReason reason) {
        counts[reason.code()]++;
    }

    public long count(DropReason reason) {
        return counts[reason.code()];
    }

    public long total() {
        long sum = 0;
        for (long c : counts) sum += c;
        return sum;
    }

    /** A copy for reporting (metrics, status); allocates, so not for the packet path. */
    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
        for (DropReason r : REASONS) m.put(r, counts[r.code()]);
        return m;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("DropCounters{");
        for (DropReason r : REASONS) {
            if (counts[r.code()] != 0) b.append(r.metricName()).append('=').append(counts[r.code()]).append(' ');
        }
        return b.append('}').toString();
    }
}

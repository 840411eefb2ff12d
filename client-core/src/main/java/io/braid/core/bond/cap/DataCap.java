package io.braid.core.bond.cap;

/** A link's monthly data allowance: bytes sent plus received per {@link CapPeriod}. */
public record DataCap(long limitBytes, CapPeriod period) {
    public DataCap {
        if (limitBytes <= 0) throw new IllegalArgumentException("a data cap must be a positive number of bytes");
        if (period == null) throw new IllegalArgumentException("a data cap needs a period");
    }
}

package io.braid.server.policy;

import io.braid.core.packet.IpHeader;
import java.util.Arrays;

/**
 * Flows a device opened (allowed by policy), so that replies from the protected network pass and
 * packets of the same flow skip the rule walk. An open-addressing hash table of fixed size: a new
 * flow takes a free slot or the stalest one in its probe run, so memory never grows. Entries expire
 * after their idle time. Keys are the 5-tuple as the device sent it; a reply matches it reversed.
 * Guarded by the caller (the headend locks it per session).
 */
public final class FlowTable {
    private static final int PROBES = 8;

    private final int mask;
    private final long idleNanos;
    private final long[] aHi;
    private final long[] aLo;
    private final long[] bHi;
    private final long[] bLo;
    private final int[] meta; // protocol << 16 | version
    private final int[] ports; // src << 16 | dst
    private final long[] lastSeen;
    private long evictions;

    /** @param capacity slots, a power of two */
    public FlowTable(int capacity, long idleNanos) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        this.mask = capacity - 1;
        this.idleNanos = idleNanos;
        aHi = new long[capacity];
        aLo = new long[capacity];
        bHi = new long[capacity];
        bLo = new long[capacity];
        meta = new int[capacity];
        ports = new int[capacity];
        lastSeen = new long[capacity];
        Arrays.fill(lastSeen, Long.MIN_VALUE);
    }

    /** Records (or refreshes) the flow the device's packet belongs to. */
    public void recordOutbound(IpHeader p, long nowNanos) {
        int m = (p.protocol() << 16) | p.version();
        int pp = (port(p.srcPort()) << 16) | port(p.dstPort());
        int h = hash(p.srcHi(), p.srcLo(), p.dstHi(), p.dstLo(), m, pp);
        int victim = -1;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < PROBES; i++) {
            int s = (h + i) & mask;
            if (matches(s, p.srcHi(), p.srcLo(), p.dstHi(), p.dstLo(), m, pp)) {
                lastSeen[s] = nowNanos;
                return;
            }
            long age = lastSeen[s] == Long.MIN_VALUE || nowNanos - lastSeen[s] > idleNanos ? Long.MIN_VALUE : lastSeen[s];
            if (age < oldest) {
                oldest = age;
                victim = s;
            }
        }
        if (oldest != Long.MIN_VALUE) {
            evictions++;
        }
        aHi[victim] = p.srcHi();
        aLo[victim] = p.srcLo();
        bHi[victim] = p.dstHi();
        bLo[victim] = p.dstLo();
        meta[victim] = m;
        ports[victim] = pp;
        lastSeen[victim] = nowNanos;
    }

    /** Whether the device already has this flow open (its own later packets). */
    public boolean hasOutbound(IpHeader p, long nowNanos) {
        int m = (p.protocol() << 16) | p.version();
        int pp = (port(p.srcPort()) << 16) | port(p.dstPort());
        return find(p.srcHi(), p.srcLo(), p.dstHi(), p.dstLo(), m, pp, nowNanos);
    }

    /** Whether the packet (towards the device) answers a flow the device opened. */
    public boolean isReply(IpHeader p, long nowNanos) {
        int m = (p.protocol() << 16) | p.version();
        int pp = (port(p.dstPort()) << 16) | port(p.srcPort());
        return find(p.dstHi(), p.dstLo(), p.srcHi(), p.srcLo(), m, pp, nowNanos);
    }

    public long evictions() {
        return evictions;
    }

    private boolean find(long ah, long al, long bh, long bl, int m, int pp, long nowNanos) {
        int h = hash(ah, al, bh, bl, m, pp);
        for (int i = 0; i < PROBES; i++) {
            int s = (h + i) & mask;
            if (matches(s, ah, al, bh, bl, m, pp)) {
                if (nowNanos - lastSeen[s] > idleNanos) {
                    return false;
                }
                lastSeen[s] = nowNanos;
                return true;
            }
        }
        return false;
    }

    private boolean matches(int s, long ah, long al, long bh, long bl, int m, int pp) {
        return lastSeen[s] != Long.MIN_VALUE && aLo[s] == al && bLo[s] == bl && ports[s] == pp && meta[s] == m && aHi[s] == ah && bHi[s] == bh;
    }

    private static int port(int p) {
        return p < 0 ? 0 : p;
    }

    private static int hash(long ah, long al, long bh, long bl, int m, int pp) {
        long x = ah * 0x9E3779B97F4A7C15L ^ al * 0xC2B2AE3D27D4EB4FL ^ bh * 0x165667B19E3779F9L ^ bl * 0xD6E8FEB86659FD93L
                ^ ((long) m << 32 | (pp & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        return (int) x;
    }
}

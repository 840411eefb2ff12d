package io.braid.server.policy;

import io.braid.core.packet.IpHeader;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The headend's access check on every decrypted packet, default deny: a device's packet passes when
 * it belongs to a flow the device already opened or a rule allows it (then the flow is recorded);
 * a packet towards a device passes only as a reply to such a flow. One flow table for the whole
 * headend (keys carry the device's overlay address), so memory is fixed however many sessions run.
 * The policy is swapped atomically when an admin changes it.
 */
public final class PolicyEnforcer {
    private final AtomicReference<CompiledPolicy> policy;
    private final FlowTable flows;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong allowed = new AtomicLong();
    private final AtomicLong denied = new AtomicLong();
    private final AtomicLong repliesAllowed = new AtomicLong();
    private final AtomicLong repliesDenied = new AtomicLong();

    public PolicyEnforcer(CompiledPolicy initial, FlowTable flows) {
        this.policy = new AtomicReference<>(initial);
        this.flows = flows;
    }

    public void update(CompiledPolicy next) {
        policy.set(next);
    }

    public CompiledPolicy current() {
        return policy.get();
    }

    public boolean fromDevice(List<String> groups, IpHeader p, long nowNanos) {
        lock.lock();
        try {
            if (flows.hasOutbound(p, nowNanos)) {
                allowed.incrementAndGet();
                return true;
            }
            if (policy.get().allows(groups, p)) {
                flows.recordOutbound(p, nowNanos);
                allowed.incrementAndGet();
                return true;
            }
        } finally {
            lock.unlock();
        }
        denied.incrementAndGet();
        return false;
    }

    public boolean toDevice(IpHeader p, long nowNanos) {
        boolean ok;
        lock.lock();
        try {
            ok = flows.isReply(p, nowNanos);
        } finally {
            lock.unlock();
        }
        (ok ? repliesAllowed : repliesDenied).incrementAndGet();
        return ok;
    }

    /** Decision counts since start: allowed, denied, replies allowed, replies denied. */
    public long[] counters() {
        return new long[] {allowed.get(), denied.get(), repliesAllowed.get(), repliesDenied.get()};
    }
}

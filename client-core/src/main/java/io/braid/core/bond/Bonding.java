package io.braid.core.bond;

import io.braid.core.bond.cap.CapLedger;
import io.braid.core.bond.path.BondPath;
import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.path.PathState;
import io.braid.core.bond.sched.Candidates;
import io.braid.core.bond.sched.Mode;
import io.braid.core.bond.sched.Scheduler;
import io.braid.core.bond.sched.Schedulers;
import java.util.ArrayList;
import java.util.List;

/**
 * The bonding state of one session, at one end: its paths (added and removed while the session
 * runs), their health, and the scheduler of the current mode. Pure: no sockets, threads or clock;
 * every call that depends on time takes the caller's monotonic {@code nowNanos}. Not thread-safe:
 * the engine drives it from one thread.
 *
 * <p>The engine's loop:
 * <pre>
 * // a packet from the TUN (the hot path; allocates nothing):
 * int n = bonding.choosePaths(wireBytes, FlowHash.of(ipPacket), now, pathIds); // 0: no usable path, drop
 * ...seal once per path in pathIds[0..n)...
 * // other datagrams it sends (FEC parity, feedback, keepalive):  bonding.onSent(pathId, wireBytes, now)
 * // every datagram that arrives for the session:                  bonding.onReceived(pathId, wireBytes, now)
 * // a PROBE_ACK:      bonding.onProbeAck(new ProbeAck(pathId, probeId, echoedSent, ackDelay), now)
 * // a PATH_FEEDBACK:  for each entry: bonding.onFeedback(new PathFeedback(...), now)
 * // at bonding.nextDeadlineNanos(now) (recomputed after each batch of work):
 * bonding.poll(now);
 * for (int i = 0, k = bonding.probesDue(now, ids); i &lt; k; i++) {
 *     int probeId = bonding.onProbeSent(ids[i], probeWireBytes, now); ...send PROBE(probeId, now) on ids[i]...
 * }
 * // every few seconds (wall clock):  ledger.rollover(Instant.now()); ledger.saveIfChanged();
 * </pre>
 * Status ({@link #snapshot}) is read on the same thread: the local API asks the engine's thread for it.
 * See docs/bonding.md for the model.
 */
public final class Bonding {
    /** A PATH_FEEDBACK carries at most 16 paths, so a session bonds at most 16. */
    public static final int MAX_PATHS = 16;

    private final BondSettings settings;
    private final CapLedger ledger;
    private final BondListener listener;
    private final BondPath[] table = new BondPath[MAX_PATHS];
    private final PathState[] reported = new PathState[MAX_PATHS];
    private final Candidates candidates = new Candidates(MAX_PATHS);
    private Mode mode;
    private Scheduler scheduler;

    public Bonding(BondSettings settings, CapLedger ledger, BondListener listener) {
        this.settings = settings;
        this.ledger = ledger;
        this.listener = listener;
        setMode(settings.mode());
    }

    /** Switches mode at once; the new mode's scheduler starts fresh. */
    public void setMode(Mode newMode) {
        this.mode = newMode;
        this.scheduler = Schedulers.forMode(newMode, MAX_PATHS, settings.failoverHoldNanos());
    }

    public Mode mode() {
        return mode;
    }

    /** Adds a path (a WAN appeared or registered). It starts down and is probed at once. */
    public void addPath(PathConfig config, long nowNanos) {
        int free = -1;
        for (int s = MAX_PATHS - 1; s >= 0; s--) {
            BondPath p = table[s];
            if (p == null) {
                free = s;
            } else if (p.id() == config.id() || p.config().name().equals(config.name())) {
                throw new IllegalArgumentException("path " + config.id() + " (" + config.name() + ") clashes with path "
                        + p.id() + " (" + p.config().name() + ")");
            }
        }
        if (free < 0) throw new IllegalArgumentException("a session bonds at most " + MAX_PATHS + " paths");
        table[free] = new BondPath(free, config, ledger.account(config.name(), config.cap()), settings.timing(),
                settings.initialRateBps(), settings.saturationDelayNanos(), nowNanos);
        reported[free] = PathState.DOWN;
        scheduler.forget(free);
    }

    /** Changes a path's priority, weight, thresholds or cap in place (its name stays). */
    public void updatePath(PathConfig config, long nowNanos) {
        BondPath p = find(config.id());
        if (p == null) throw new IllegalArgumentException("no path " + config.id());
        if (!p.config().name().equals(config.name())) throw new IllegalArgumentException("a path keeps its name; remove and add it instead");
        p.reconfigure(config, ledger.account(config.name(), config.cap()), nowNanos);
        report(nowNanos);
    }

    /** Removes a path (its WAN went away); returns false when there was none with this id. */
    public boolean removePath(int pathId) {
        BondPath p = find(pathId);
        if (p == null) return false;
        table[p.slot()] = null;
        reported[p.slot()] = null;
        scheduler.forget(p.slot());
        return true;
    }

    /**
     * The hot path: picks the path(s) for one packet of {@code wireBytes} and records it as sent on
     * each. Writes the path ids into {@code out} (at least {@link #MAX_PATHS} long) and returns
     * how many; 0 when no path may carry data (all down, capped or {@code never}).
     */
    public int choosePaths(int wireBytes, int flowHash, long nowNanos, int[] out) {
        candidates.collect(table, settings.saturationDelayNanos(), nowNanos);
        if (candidates.isEmpty()) return 0;
        int n = scheduler.choose(candidates, wireBytes, flowHash, nowNanos, out);
        for (int i = 0; i < n; i++) find(out[i]).onSent(wireBytes, nowNanos);
        return n;
    }

    /** Any other datagram sent on a path (FEC parity, feedback, keepalive): counted and expected to be confirmed. */
    public void onSent(int pathId, int wireBytes, long nowNanos) {
        BondPath p = find(pathId);
        if (p != null) p.onSent(wireBytes, nowNanos);
    }

    /** A datagram of this session arrived on the path: throughput and data cap. */
    public void onReceived(int pathId, int wireBytes, long nowNanos) {
        BondPath p = find(pathId);
        if (p != null) p.onReceived(wireBytes, nowNanos);
    }

    /** Writes the ids of the paths that want a probe now into {@code out}; returns how many. */
    public int probesDue(long nowNanos, int[] out) {
        int n = 0;
        for (BondPath p : table) {
            if (p != null && p.nextProbeNanos(nowNanos) <= nowNanos) out[n++] = p.id();
        }
        return n;
    }

    /** A probe of {@code wireBytes} is being sent on the path now; returns the probe id to put in it (0: no such path). */
    public int onProbeSent(int pathId, int wireBytes, long nowNanos) {
        BondPath p = find(pathId);
        return p == null ? 0 : p.onProbeSent(wireBytes, nowNanos);
    }

    /** A probe ack arrived; acks that match no waiting probe are ignored. */
    public void onProbeAck(ProbeAck ack, long nowNanos) {
        BondPath p = find(ack.pathId());
        if (p == null) return;
        p.onProbeAck(ack.probeId(), ack.echoedSentNanos(), ack.ackDelayNanos(), nowNanos);
        report(nowNanos);
    }

    /** One entry of a PATH_FEEDBACK arrived (from whichever path carried it). */
    public void onFeedback(PathFeedback feedback, long nowNanos) {
        BondPath p = find(feedback.pathId());
        if (p == null) return;
        p.onFeedback(feedback.packetsReceived(), feedback.bytesReceived(), feedback.highestCounter(), feedback.lossesSinceLast(), nowNanos);
        report(nowNanos);
    }

    /** Applies timeouts (silence, lost probes, recovery holds); call at {@link #nextDeadlineNanos}. */
    public void poll(long nowNanos) {
        for (BondPath p : table) {
            if (p != null) p.health().poll(nowNanos);
        }
        report(nowNanos);
    }

    /** When {@link #poll} (and {@link #probesDue}) should next run; {@link Long#MAX_VALUE} when nothing is pending. */
    public long nextDeadlineNanos(long nowNanos) {
        long next = Long.MAX_VALUE;
        for (BondPath p : table) {
            if (p != null) next = Math.min(next, p.nextDeadlineNanos(nowNanos));
        }
        return next;
    }

    /** The state of a path, or null when there is no such path. */
    public PathState state(int pathId) {
        BondPath p = find(pathId);
        return p == null ? null : p.health().state();
    }

    /** Every path as status shows it, in slot order. */
    public List<PathSnapshot> snapshot(long nowNanos) {
        List<PathSnapshot> out = new ArrayList<>();
        for (BondPath p : table) {
            if (p == null) continue;
            var rtt = p.health().rtt();
            out.add(new PathSnapshot(p.id(), p.config().name(), p.health().state().wireName(),
                    millis(rtt.smoothedNanos()), millis(rtt.variationNanos()),
                    Math.round(p.health().lossFraction(nowNanos) * 10_000) / 100.0,
                    p.receivedBitsPerSecond(nowNanos), p.sentBitsPerSecond(nowNanos),
                    p.cap().usedBytes(), p.cap().limitBytes().isPresent() ? p.cap().limitBytes().getAsLong() : null));
        }
        return out;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    private BondPath find(int pathId) {
        for (BondPath p : table) {
            if (p != null && p.id() == pathId) return p;
        }
        return null;
    }

    private void report(long nowNanos) {
        for (int s = 0; s < MAX_PATHS; s++) {
            BondPath p = table[s];
            if (p == null || p.health().state() == reported[s]) continue;
            PathState from = reported[s];
            reported[s] = p.health().state();
            listener.pathStateChanged(p.id(), from, reported[s], nowNanos);
        }
    }
}

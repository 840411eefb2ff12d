package io.braid.core.bond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.bond.cap.CapLedger;
import io.braid.core.bond.cap.CapPeriod;
import io.braid.core.bond.cap.DataCap;
import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.path.PathState;
import io.braid.core.bond.path.Priority;
import io.braid.core.bond.sched.Mode;
import io.braid.core.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine-facing API: paths come and go, tiers decide who may carry data, events from the wire are checked. */
class BondingTest {
    private static final long MS = 1_000_000L;
    private static final CapPeriod MONTH = CapPeriod.calendarMonth(ZoneOffset.UTC);

    private final List<String> changes = new ArrayList<>();
    private final int[] out = new int[Bonding.MAX_PATHS];
    private long now = 0;

    @Test
    void wireNamesAreExplicitAndStable() {
        assertThat(Stream.of(Mode.values()).map(Mode::wireName))
                .containsExactly("bond", "redundant", "failover", "per-flow", "round-robin", "weighted", "lowest-latency", "adaptive");
        assertThat(Stream.of(Priority.values()).map(Priority::wireName)).containsExactly("always", "secondary", "backup", "never");
        assertThat(Stream.of(PathState.values()).map(PathState::wireName)).containsExactly("up", "degraded", "suspended", "down");
        assertThat(Mode.fromWireName("per-flow")).isEqualTo(Mode.PER_FLOW);
        assertThatThrownBy(() -> Mode.fromWireName("PER_FLOW"))
                .hasMessage("mode 'PER_FLOW' is not one of bond, redundant, failover, per-flow, round-robin, weighted, lowest-latency, adaptive");
        assertThatThrownBy(() -> Priority.fromWireName("primary")).hasMessage("priority 'primary' is not one of always, secondary, backup, never");
    }

    @Test
    void pathsComeAndGoWithoutAReconnect() {
        Bonding b = bonding(Mode.ROUND_ROBIN);
        b.addPath(PathConfig.of(1, "eth0"), now);
        b.addPath(PathConfig.of(2, "wlan0"), now);
        assertThat(b.choosePaths(1000, 0, now, out)).as("nothing is up yet").isZero();
        up(b, 1, 2);
        assertThat(picks(b, 4)).containsExactly(1, 2, 1, 2);
        assertThat(changes).containsExactly("1 down->up", "2 down->up");

        assertThat(b.removePath(1)).isTrue();
        assertThat(b.removePath(1)).isFalse();
        assertThat(picks(b, 3)).containsExactly(2, 2, 2);

        b.addPath(PathConfig.of(3, "lte0"), now);
        assertThat(b.nextDeadlineNanos(now)).as("a new path is probed at once").isEqualTo(now);
        assertThat(probesDue(b)).containsExactly(3);
        assertThat(picks(b, 2)).as("not before it answers").containsExactly(2, 2);
        up(b, 3);
        assertThat(picks(b, 4)).containsExactly(3, 2, 3, 2);
        assertThat(b.snapshot(now)).extracting(PathSnapshot::name).containsExactly("lte0", "wlan0");
    }

    @Test
    void clashingAndTooManyPathsAreRefused() {
        Bonding b = bonding(Mode.BOND);
        b.addPath(PathConfig.of(1, "eth0"), now);
        assertThatThrownBy(() -> b.addPath(PathConfig.of(1, "eth1"), now)).hasMessage("path 1 (eth1) clashes with path 1 (eth0)");
        assertThatThrownBy(() -> b.addPath(PathConfig.of(2, "eth0"), now)).hasMessage("path 2 (eth0) clashes with path 1 (eth0)");
        assertThatThrownBy(() -> b.updatePath(PathConfig.of(1, "eth9"), now)).hasMessageContaining("keeps its name");
        assertThatThrownBy(() -> b.updatePath(PathConfig.of(7, "eth7"), now)).hasMessage("no path 7");
        for (int id = 2; id <= Bonding.MAX_PATHS; id++) b.addPath(PathConfig.of(id, "wan" + id), now);
        assertThatThrownBy(() -> b.addPath(PathConfig.of(99, "wan99"), now)).hasMessage("a session bonds at most 16 paths");
        assertThatThrownBy(() -> PathConfig.of(70_000, "x")).hasMessage("path id 70000 is outside 0..65535");
        assertThatThrownBy(() -> PathConfig.of(1, "x").withWeight(0)).hasMessage("weight 0 is outside 1..1000");
    }

    @Test
    void neverAndCappedLinksCarryNothingAndBackupOnlyWhenNothingBetterIsUp() {
        Bonding b = bonding(Mode.REDUNDANT);
        b.addPath(PathConfig.of(1, "fiber"), now);
        b.addPath(PathConfig.of(2, "lte").withPriority(Priority.BACKUP), now);
        b.addPath(PathConfig.of(3, "sat").withPriority(Priority.NEVER), now);
        b.addPath(PathConfig.of(4, "metered").withCap(new DataCap(1000, MONTH)), now);
        up(b, 1, 2, 3, 4);
        assertThat(chosen(b)).containsExactly(1, 4);
        assertThat(chosen(b)).as("the metered link is now over its 1000-byte cap").containsExactly(1);
        assertThat(b.probesDue(now + 10_000 * MS, out)).as("and no longer probed: fiber, lte, sat").isEqualTo(3);

        silence(b, 1);
        assertThat(b.state(1)).isEqualTo(PathState.DOWN);
        assertThat(chosen(b)).as("only the backup is left").containsExactly(2);
        b.updatePath(PathConfig.of(2, "lte").withPriority(Priority.NEVER), now);
        assertThat(b.choosePaths(1000, 0, now, out)).as("no path may carry data").isZero();
    }

    @Test
    void aSuspendedLinkIsALastResortNotAMaster() {
        Bonding b = bonding(Mode.REDUNDANT);
        b.addPath(PathConfig.of(1, "fiber"), now);
        b.addPath(PathConfig.of(2, "lte"), now);
        up(b, 1, 2);
        b.onFeedback(new PathFeedback(2, 80, 80_000, 100, 20), now);
        assertThat(b.state(2)).isEqualTo(PathState.SUSPENDED);
        assertThat(chosen(b)).containsExactly(1);
        silence(b, 1);
        assertThat(chosen(b)).as("a lossy link beats none").containsExactly(2);
    }

    @Test
    void weightedSplitsByStaticWeightsInterleaved() {
        Bonding b = bonding(Mode.WEIGHTED);
        b.addPath(PathConfig.of(1, "fiber").withWeight(3), now);
        b.addPath(PathConfig.of(2, "lte"), now);
        up(b, 1, 2);
        assertThat(picks(b, 8)).containsExactly(1, 1, 2, 1, 1, 1, 2, 1);
    }

    @Test
    void theModeChangesWhileRunning() {
        Bonding b = bonding(Mode.REDUNDANT);
        b.addPath(PathConfig.of(1, "fiber"), now);
        b.addPath(PathConfig.of(2, "lte"), now);
        up(b, 1, 2);
        assertThat(b.choosePaths(1000, 0, now, out)).isEqualTo(2);
        b.setMode(Mode.FAILOVER);
        assertThat(b.mode()).isEqualTo(Mode.FAILOVER);
        assertThat(picks(b, 3)).containsExactly(1, 1, 1);
    }

    @Test
    void duplicateStaleAndForeignEventsChangeNothing() {
        Bonding b = bonding(Mode.BOND);
        b.addPath(PathConfig.of(1, "fiber"), now);
        up(b, 1);
        PathFeedback report = new PathFeedback(1, 100, 100_000, 500, 1);
        b.onFeedback(report, now);
        double loss = b.snapshot(now).getFirst().lossPercent();
        b.onFeedback(report, now); // the same report, carried on another path
        b.onFeedback(new PathFeedback(1, 90, 90_000, 400, 1), now); // an older one, overtaken
        assertThat(b.snapshot(now).getFirst().lossPercent()).isEqualTo(loss);

        b.onFeedback(new PathFeedback(42, 1, 1, 1, 1), now);
        b.onProbeAck(new ProbeAck(42, 1, now, 0), now);
        b.onProbeAck(new ProbeAck(1, 12345, now, 0), now);
        b.onSent(42, 100, now);
        b.onReceived(42, 100, now);
        assertThat(b.onProbeSent(42, 80, now)).isZero();
        assertThat(b.state(42)).isNull();
        assertThat(b.state(1)).isEqualTo(PathState.UP);
    }

    @Test
    void snapshotsHaveTheStatusFieldsUnderStableJsonNames() throws Exception {
        Bonding b = bonding(Mode.BOND);
        b.addPath(PathConfig.of(1, "lte0").withCap(new DataCap(5_000_000, MONTH)), now);
        up(b, 1);
        b.choosePaths(1000, 0, now, out);
        b.onReceived(1, 500, now);
        PathSnapshot s = b.snapshot(now).getFirst();
        assertThat(s).isEqualTo(new PathSnapshot(1, "lte0", "up", 20.0, 10.0, 0.0, 0, 0, 1580, 5_000_000L));
        JsonNode json = Json.lenient().valueToTree(s);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) names.add(it.next());
        assertThat(names).containsExactly("id", "name", "state", "rttMillis", "jitterMillis", "lossPercent",
                "bpsIn", "bpsOut", "bytesUsed", "capBytes");
    }

    private Bonding bonding(Mode mode) {
        CapLedger ledger = CapLedger.inMemory(MONTH, Instant.parse("2025-03-10T12:00:00Z"));
        return new Bonding(BondSettings.DEFAULT.withMode(mode), ledger,
                (id, from, to, at) -> changes.add(id + " " + from.wireName() + "->" + to.wireName()));
    }

    /** Brings paths up: a probe each, answered after 20 ms. */
    private void up(Bonding b, int... ids) {
        for (int id : ids) {
            int probe = b.onProbeSent(id, 80, now);
            b.onProbeAck(new ProbeAck(id, probe, now, 0), now + 20 * MS);
        }
        now += 20 * MS;
    }

    /** Sends on a path that never answers until the silence brings it down. */
    private void silence(Bonding b, int id) {
        for (int i = 0; i < 40 && b.state(id) != PathState.DOWN; i++) {
            now += 10 * MS;
            b.onSent(id, 100, now);
            b.poll(now);
        }
    }

    private List<Integer> picks(Bonding b, int packets) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < packets; i++) {
            assertThat(b.choosePaths(1000, i, now, out)).isEqualTo(1);
            ids.add(out[0]);
        }
        return ids;
    }

    private List<Integer> chosen(Bonding b) {
        int n = b.choosePaths(1000, 0, now, out);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(out[i]);
        return ids;
    }

    private List<Integer> probesDue(Bonding b) {
        int n = b.probesDue(now, out);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(out[i]);
        return ids;
    }
}

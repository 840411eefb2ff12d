package io.braid.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.server.events.HeadendChanged;
import io.braid.server.events.SessionChanged;
import io.braid.server.events.SessionStats;
import io.braid.server.events.WanChanged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live view is exactly what headends announced: sessions follow their headend, WANs and rates update in place. */
class FleetStateTest {
    private final FleetState fleet = new FleetState();
    private final Headend headend = new Headend("h1", "edge-1", "198.18.0.1:8444", "0.1.0", Instant.EPOCH);

    @Test
    void foldsHeadendSessionWanAndStatsEvents() {
        assertThat(fleet.headends()).isEmpty();
        fleet.apply(new HeadendChanged(true, headend));
        WanStatus fiber = new WanStatus("fiber", WanStatus.UP, 4.0, 0.0, null, null);
        WanStatus lte = new WanStatus("lte", WanStatus.UP, 40.0, 1.0, null, null);
        fleet.apply(new SessionChanged(true, new Session("s1", "d1", "h1", "100.96.0.2", Instant.EPOCH, 0, 0, List.of(fiber, lte)), null));
        fleet.apply(new WanChanged("s1", "d1", lte.withState(WanStatus.DOWN)));
        assertThat(fleet.sessionsOf("d1")).singleElement().satisfies(s ->
                assertThat(s.wans()).extracting(WanStatus::name, WanStatus::state)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("fiber", "up"), org.assertj.core.groups.Tuple.tuple("lte", "down")));
        fleet.apply(new SessionStats("s1", 8_000_000, 1_000_000, List.of()));
        assertThat(fleet.sessions().getFirst().rxBitsPerSecond()).isEqualTo(8_000_000);
        assertThat(fleet.sessions().getFirst().wans()).hasSize(2); // stats without WANs keep the WANs known

        fleet.apply(new WanChanged("unknown-session", "d9", fiber)); // ignored
        fleet.apply(new HeadendChanged(false, headend));
        assertThat(fleet.headends()).isEmpty();
        assertThat(fleet.sessions()).isEmpty();
    }
}

package io.braid.server.fleet;

import io.braid.server.store.Database;
import io.braid.server.store.Device;
import io.braid.server.store.DeviceRepository;
import io.braid.server.store.EnrollmentKeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The overview page's figures: devices and keys from the store, live figures from {@link FleetState}.
 * Live figures are null, not zero, while no headend is connected: "unknown" is the truth then, and the
 * console says so instead of showing a reassuring 0.
 */
public final class FleetOverview {
    private final Database db;
    private final DeviceRepository devices;
    private final EnrollmentKeyRepository keys;
    private final FleetState fleet;
    private final Clock clock;

    public FleetOverview(Database db, DeviceRepository devices, EnrollmentKeyRepository keys, FleetState fleet, Clock clock) {
        this.db = db;
        this.devices = devices;
        this.keys = keys;
        this.fleet = fleet;
        this.clock = clock;
    }

    public record DeviceCounts(long total, long enabled, long disabled, long revoked) {}

    public record WanCounts(long up, long degraded, long down) {}

    /** Rates in bits per second summed over every session. */
    public record Throughput(long rxBitsPerSecond, long txBitsPerSecond) {}

    public record Overview(DeviceCounts devices, long activeKeys, int headends, Live live) {}

    /** What only a connected headend can tell; null in {@link Overview} when none is connected. */
    public record Live(int sessions, long devicesOnline, Throughput throughput, WanCounts wans) {}

    public Overview overview() {
        Map<String, Long> byStatus = db.read(devices::countByStatus);
        long enabled = byStatus.getOrDefault(Device.ENABLED, 0L);
        long disabled = byStatus.getOrDefault(Device.DISABLED, 0L);
        long revoked = byStatus.getOrDefault(Device.REVOKED, 0L);
        Instant now = clock.instant();
        long activeKeys = db.read(keys::list).stream().filter(k -> k.unusableReason(now) == null).count();
        List<Headend> headends = fleet.headends();
        return new Overview(new DeviceCounts(enabled + disabled + revoked, enabled, disabled, revoked), activeKeys, headends.size(),
                headends.isEmpty() ? null : live(fleet.sessions()));
    }

    private static Live live(List<Session> sessions) {
        long rx = 0;
        long tx = 0;
        long up = 0;
        long degraded = 0;
        long down = 0;
        for (Session s : sessions) {
            rx += s.rxBitsPerSecond();
            tx += s.txBitsPerSecond();
            for (WanStatus w : s.wans()) {
                switch (w.state()) {
                    case WanStatus.UP -> up++;
                    case WanStatus.DEGRADED -> degraded++;
                    default -> down++;
                }
            }
        }
        long online = sessions.stream().map(Session::deviceId).distinct().count();
        return new Live(sessions.size(), online, new Throughput(rx, tx), new WanCounts(up, degraded, down));
    }
}

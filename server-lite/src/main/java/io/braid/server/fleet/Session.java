package io.braid.server.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A device's live tunnel session on a headend, with its WAN paths and current rates (bits per second). */
public record Session(
        String id,
        String deviceId,
        String headendId,
        String overlayIpv4,
        Instant startedAt,
        long rxBitsPerSecond,
        long txBitsPerSecond,
        List<WanStatus> wans) {
    public Session {
        wans = List.copyOf(wans);
    }

    public Session withRates(long rx, long tx, List<WanStatus> newWans) {
        return new Session(id, deviceId, headendId, overlayIpv4, startedAt, rx, tx, newWans);
    }

    public Session withWan(WanStatus wan) {
        List<WanStatus> updated = new ArrayList<>(wans.stream().filter(w -> !w.name().equals(wan.name())).toList());
        updated.add(wan);
        updated.sort(Comparator.comparing(WanStatus::name));
        return new Session(id, deviceId, headendId, overlayIpv4, startedAt, rxBitsPerSecond, txBitsPerSecond, updated);
    }
}

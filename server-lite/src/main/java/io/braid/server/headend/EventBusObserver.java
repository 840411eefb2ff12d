package io.braid.server.headend;

import io.braid.server.events.ManagerEvents;
import io.braid.server.events.SessionChanged;
import io.braid.server.events.SessionStats;
import io.braid.server.fleet.Session;
import io.braid.server.fleet.WanStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports the headend's sessions on the manager's event bus: up and down as they happen, and every
 * few seconds their rates (from the byte counters' growth), which the console's overview and device
 * pages show live.
 */
final class EventBusObserver implements HeadendObserver {
    private final ManagerEvents events;
    private final String headendId;
    private final Map<Integer, long[]> previous = new HashMap<>();

    EventBusObserver(ManagerEvents events, String headendId) {
        this.events = events;
        this.headendId = headendId;
    }

    @Override
    public void sessionOpened(Headend.SessionInfo s) {
        events.publish(new SessionChanged(true, session(s, 0, 0), null));
    }

    @Override
    public void sessionClosed(Headend.SessionInfo s, String reason) {
        synchronized (previous) {
            previous.remove(s.sessionId());
        }
        events.publish(new SessionChanged(false, session(s, 0, 0), reason));
    }

    @Override
    public void stats(List<Headend.SessionInfo> sessions) {
        long now = System.nanoTime();
        synchronized (previous) {
            for (Headend.SessionInfo s : sessions) {
                long[] before = previous.put(s.sessionId(), new long[] {now, s.bytesIn(), s.bytesOut()});
                if (before == null) {
                    continue;
                }
                double seconds = (now - before[0]) / 1e9;
                long rx = (long) ((s.bytesIn() - before[1]) * 8 / seconds);
                long tx = (long) ((s.bytesOut() - before[2]) * 8 / seconds);
                events.publish(new SessionStats(id(s), rx, tx, List.of(wan(s, rx, tx))));
            }
        }
    }

    private Session session(Headend.SessionInfo s, long rx, long tx) {
        return new Session(id(s), s.deviceId(), headendId, s.overlayIpv4(), s.startedAt(), rx, tx, List.of(wan(s, rx, tx)));
    }

    /** One path per session until bonding: the transport it uses. */
    private static WanStatus wan(Headend.SessionInfo s, long rx, long tx) {
        return new WanStatus(s.transport(), WanStatus.UP, null, null, rx, tx);
    }

    private static String id(Headend.SessionInfo s) {
        return Integer.toUnsignedString(s.sessionId(), 16);
    }
}

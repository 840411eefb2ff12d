package io.braid.core.bond.sim;

import io.braid.core.bond.PathFeedback;
import java.util.List;

/**
 * What travels on a simulated link: stand-ins for the protocol's packets, with just the fields the
 * bonding logic and the checks need.
 */
record Datagram(Kind kind, int pathId, long pathSequence, long counter, int flow, long flowSequence, int wireBytes,
                long fecGroup, int probeId, long sentNanos, List<PathFeedback> feedback) {
    enum Kind { DATA, PARITY, PROBE, PROBE_ACK, FEEDBACK }

    static Datagram data(int pathId, long pathSequence, long counter, int flow, long flowSequence, int wireBytes, long fecGroup) {
        return new Datagram(Kind.DATA, pathId, pathSequence, counter, flow, flowSequence, wireBytes, fecGroup, 0, 0, List.of());
    }

    static Datagram parity(int pathId, long pathSequence, long counter, int wireBytes, long fecGroup) {
        return new Datagram(Kind.PARITY, pathId, pathSequence, counter, -1, 0, wireBytes, fecGroup, 0, 0, List.of());
    }

    static Datagram probe(int pathId, long pathSequence, long counter, int wireBytes, int probeId, long sentNanos) {
        return new Datagram(Kind.PROBE, pathId, pathSequence, counter, -1, 0, wireBytes, -1, probeId, sentNanos, List.of());
    }

    static Datagram probeAck(int pathId, int probeId, long echoedSentNanos) {
        return new Datagram(Kind.PROBE_ACK, pathId, 0, 0, -1, 0, 86, -1, probeId, echoedSentNanos, List.of());
    }

    static Datagram feedback(int pathId, List<PathFeedback> entries) {
        return new Datagram(Kind.FEEDBACK, pathId, 0, 0, -1, 0, 70 + 28 * entries.size(), -1, 0, 0, entries);
    }
}

package io.braid.core.bond;

/**
 * One path's entry of the peer's PATH_FEEDBACK: what it received on this path (so, what this end's
 * sends on it delivered).
 *
 * @param pathId          the path
 * @param packetsReceived running total of packets received on the path (u32 on the wire, wrapping)
 * @param bytesReceived   running total of bytes received on the path
 * @param highestCounter  the highest packet counter the peer saw on the path (-1: none yet)
 * @param lossesSinceLast gaps in the path's sequence since the peer's previous feedback
 */
public record PathFeedback(int pathId, long packetsReceived, long bytesReceived, long highestCounter, long lossesSinceLast) {}

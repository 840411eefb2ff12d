package io.braid.core.bond;

/**
 * One path as {@code braid status --json} shows it. The names are those of the local API's
 * {@code PathStatus} (issue 6), so the engine maps one to the other field by field; they are part
 * of the scripting contract: add fields, never rename.
 *
 * @param id           the protocol's path id
 * @param name         the WAN's name
 * @param state        {@code up}, {@code degraded}, {@code suspended} or {@code down}
 * @param rttMillis    smoothed round-trip time
 * @param jitterMillis RTT variation (RFC 6298 RTTVAR)
 * @param lossPercent  packets lost over the last few seconds, 0..100
 * @param bpsIn        bits per second received over the last second
 * @param bpsOut       bits per second sent over the last second
 * @param bytesUsed    bytes sent + received in the current cap period (counted with or without a cap)
 * @param capBytes     the monthly cap, or null when the link has none (left out of Braid's JSON)
 */
public record PathSnapshot(int id, String name, String state, double rttMillis, double jitterMillis, double lossPercent,
                           long bpsIn, long bpsOut, long bytesUsed, Long capBytes) {}

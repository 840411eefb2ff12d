package io.braid.core.bond;

/**
 * One path as {@code braid status --json} shows it. The field names are part of the scripting
 * contract: add fields, never rename.
 *
 * @param id              the protocol's path id
 * @param name            the WAN's name
 * @param state           {@code up}, {@code degraded}, {@code suspended} or {@code down}
 * @param rttMillis       smoothed round-trip time
 * @param jitterMillis    RTT variation (RFC 6298 RTTVAR)
 * @param lossPercent     packets lost over the last few seconds, 0..100
 * @param txBitsPerSecond sent over the last second
 * @param rxBitsPerSecond received over the last second
 * @param capUsedBytes    sent + received in the current cap period
 * @param capLimitBytes   the monthly cap, or null when the link has none (left out of Braid's JSON)
 */
public record PathSnapshot(int id, String name, String state, double rttMillis, double jitterMillis, double lossPercent,
                           long txBitsPerSecond, long rxBitsPerSecond, long capUsedBytes, Long capLimitBytes) {}

package io.braid.server.fleet;

/**
 * One WAN path of a session as its headend measures it. {@code state} is up, degraded or down; the
 * figures are null when the headend has not measured them yet.
 */
public record WanStatus(String name, String state, Double rttMillis, Double lossPercent, Long rxBitsPerSecond, Long txBitsPerSecond) {
    public static final String UP = "up";
    public static final String DEGRADED = "degraded";
    public static final String DOWN = "down";

    public WanStatus {
        if (!UP.equals(state) && !DEGRADED.equals(state) && !DOWN.equals(state)) {
            throw new IllegalArgumentException("WAN state must be up, degraded or down: " + state);
        }
    }

    public WanStatus withState(String newState) {
        return new WanStatus(name, newState, rttMillis, lossPercent, rxBitsPerSecond, txBitsPerSecond);
    }
}

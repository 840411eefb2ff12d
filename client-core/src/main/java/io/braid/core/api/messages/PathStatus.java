package io.braid.core.api.messages;

/**
 * One WAN path of the bonded tunnel. Rates are bits per second, averaged by the engine over its
 * measurement window; {@code capBytes} is the monthly data cap, absent when the link has none.
 */
public record PathStatus(
        String name,
        PathState state,
        double rttMillis,
        double jitterMillis,
        double lossPercent,
        long bpsIn,
        long bpsOut,
        long bytesUsed,
        Long capBytes) {}

package io.braid.core.api.messages;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.netcfg.KillSwitchLevel;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code up}: bring the tunnel up. Every field is optional; absent means "the agent's default"
 * (the configured mode, every usable WAN, split tunnel, kill switch off).
 *
 * @param mode bonding mode, like {@code bond}, {@code redundant}, {@code failover} (the engine decides which it knows)
 * @param wans the WAN interfaces to use, by name; empty for all
 * @param fullTunnel send all traffic through the tunnel, not only the pushed routes
 * @param killSwitch {@code off}, {@code on} or {@code lockdown}
 */
public record UpRequest(String mode, List<String> wans, Boolean fullTunnel, String killSwitch) {
    private static final Pattern MODE = Pattern.compile("[a-z][a-z-]{0,31}");

    public UpRequest {
        wans = wans == null ? List.of() : List.copyOf(wans);
        if (mode != null && !MODE.matcher(mode).matches()) {
            throw new BraidException(ErrorCode.BAD_INPUT, "mode '" + mode + "' is not a mode name (lower-case letters and dashes, like bond)");
        }
        for (String wan : wans) {
            if (wan == null || wan.isBlank() || wan.length() > 256) {
                throw new BraidException(ErrorCode.BAD_INPUT, "a WAN must be named by its interface, like eth0 or \"Wi-Fi\"");
            }
        }
        if (new HashSet<>(wans).size() != wans.size()) {
            throw new BraidException(ErrorCode.BAD_INPUT, "a WAN is named twice");
        }
        if (killSwitch != null) {
            try {
                KillSwitchLevel.fromWireName(killSwitch);
            } catch (IllegalArgumentException e) {
                throw new BraidException(ErrorCode.BAD_INPUT, e.getMessage());
            }
        }
    }

    /** Everything at the agent's defaults. */
    public static UpRequest defaults() {
        return new UpRequest(null, List.of(), null, null);
    }
}

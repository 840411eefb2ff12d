package io.braid.core.netcfg;

import java.util.Locale;

/** How hard traffic outside the tunnel is blocked. The wire and CLI names are the lower-case constants. */
public enum KillSwitchLevel {
    /** No blocking. */
    OFF,
    /** Blocks traffic outside the tunnel while connected; removed when the agent stops or crashes. */
    ON,
    /** Like ON, and stays while the agent is stopped or has crashed (fail closed) until lifted explicitly. */
    LOCKDOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KillSwitchLevel fromWireName(String name) {
        for (KillSwitchLevel level : values()) {
            if (level.wireName().equals(name)) return level;
        }
        throw new IllegalArgumentException("kill switch level '" + name + "' is not one of off, on, lockdown");
    }
}

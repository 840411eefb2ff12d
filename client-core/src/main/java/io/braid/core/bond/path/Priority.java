package io.braid.core.bond.path;

import io.braid.core.bond.WireNames;

/**
 * When a link may carry data. Tiers are tried in order: {@link #ALWAYS} links first,
 * {@link #SECONDARY} links join only while every always-link is saturated, {@link #BACKUP} links
 * only while no always- or secondary-link is up, and {@link #NEVER} links carry no data at all.
 */
public enum Priority {
    ALWAYS("always"),
    SECONDARY("secondary"),
    BACKUP("backup"),
    NEVER("never");

    private final String wireName;

    Priority(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Priority fromWireName(String name) {
        return WireNames.parse(values(), Priority::wireName, name, "priority");
    }
}

package io.braid.server.events;

import io.braid.server.store.PolicyRule;

/** An access rule was created, replaced or deleted; {@code rule} is null once deleted. The headend reloads its rules on this. */
public record PolicyChanged(String change, String ruleId, PolicyRule rule) implements ManagerEvent {
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";

    @Override
    public String type() {
        return "policy." + change;
    }
}

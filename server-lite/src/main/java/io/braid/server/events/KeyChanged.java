package io.braid.server.events;

import io.braid.server.store.EnrollmentKey;

/** An enrollment key was created or revoked (never carries the secret: the key record has none). */
public record KeyChanged(String change, EnrollmentKey key) implements ManagerEvent {
    public static final String CREATED = "created";
    public static final String REVOKED = "revoked";

    @Override
    public String type() {
        return "key." + change;
    }
}

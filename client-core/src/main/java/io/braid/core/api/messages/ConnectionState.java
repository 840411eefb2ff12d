package io.braid.core.api.messages;

/** Where the agent's tunnel stands; the wire names are part of the local API and of {@code braid status --json}. */
public enum ConnectionState implements WireValue {
    /** Enrolled, no tunnel wanted or it was brought down. */
    DISCONNECTED("disconnected"),
    /** {@code up} was asked for and the first handshake has not finished. */
    CONNECTING("connecting"),
    CONNECTED("connected"),
    /** The tunnel was up and is being re-established (all paths lost, headend restarted...). */
    RECONNECTING("reconnecting"),
    /** The tunnel stopped because of a failure; {@code lastError} says which. */
    ERROR("error"),
    /** No identity in the state directory: run {@code braid enroll}. */
    NOT_ENROLLED("not_enrolled"),
    /**
     * No agent answered: the CLI reports the device's enrollment from the state directory instead.
     * An agent never sends this state.
     */
    NOT_RUNNING("not_running");

    private final String wire;

    ConnectionState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}

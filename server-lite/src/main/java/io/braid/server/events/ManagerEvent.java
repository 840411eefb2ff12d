package io.braid.server.events;

/**
 * Something that changed in the fleet. Each kind is a record so publishers and listeners share a typed
 * contract; {@link #type()} is its stable wire name (the SSE {@code event:} field), never derived from a
 * Java name, so renaming a class never changes what scripts and the console see.
 */
public sealed interface ManagerEvent
        permits DeviceChanged, KeyChanged, PolicyChanged, HeadendChanged, SessionChanged, WanChanged, SessionStats {

    /** The wire name, like {@code device.revoked} or {@code wan.down}. */
    String type();
}

package io.braid.server.fleet;

import java.time.Instant;

/** A headend as the manager knows it while it is connected. */
public record Headend(String id, String name, String address, String version, Instant connectedAt) {}

package io.braid.core.api.messages;

/** {@code version}: the agent's build and the local API protocol revision it speaks. */
public record VersionInfo(String version, int protocol) {}

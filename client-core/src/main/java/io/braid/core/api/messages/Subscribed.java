package io.braid.core.api.messages;

/** {@code watch}'s answer, sent before the first event. */
public record Subscribed(boolean subscribed) {}

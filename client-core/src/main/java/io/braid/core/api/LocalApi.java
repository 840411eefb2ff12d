package io.braid.core.api;

/**
 * The agent's local control API: newline-delimited JSON over a Unix domain socket, one request and
 * one answer per line, plus a stream of events after {@code watch}. The CLI and the desktop app are
 * both clients of it; docs/local-api.md is the full reference.
 */
public final class LocalApi {
    /** Revision of the protocol, reported by {@code version}; raised when a change could break clients. */
    public static final int PROTOCOL = 1;

    private LocalApi() {}
}

package io.braid.server.headend;

import java.util.List;

/** Who hears about the headend's sessions (the manager's event bus, for the console and metrics). */
public interface HeadendObserver {
    HeadendObserver NONE = new HeadendObserver() {};

    default void sessionOpened(Headend.SessionInfo session) {}

    default void sessionClosed(Headend.SessionInfo session, String reason) {}

    /** Every few seconds: all sessions with their counters, for rates. */
    default void stats(List<Headend.SessionInfo> sessions) {}
}

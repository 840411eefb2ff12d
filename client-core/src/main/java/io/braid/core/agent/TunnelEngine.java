package io.braid.core.agent;

import io.braid.core.api.messages.TunnelStatus;

/**
 * A running tunnel, as {@link TunnelEngineFactory#start} returns it. The agent asks it for its
 * status and closes it on {@code down}; between the two the engine reports changes itself.
 */
public interface TunnelEngine extends AutoCloseable {
    /** The tunnel's side of the status now (counters current to the moment of the call). */
    TunnelStatus status();

    /**
     * Takes the tunnel down and undoes its network changes, keeping a {@code lockdown} kill switch;
     * returns when done. Safe to call more than once, and never throws.
     */
    @Override
    void close();
}

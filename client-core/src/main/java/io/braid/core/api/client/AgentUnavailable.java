package io.braid.core.api.client;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import java.nio.file.Path;

/** The one wording for "no agent", so the CLI and the desktop app tell users the same way out. */
public final class AgentUnavailable {
    public static final String HOW_TO_START =
            "start the agent: sudo systemctl start braid-agent, or run braid agent; for a one-off tunnel use braid up --foreground";

    private AgentUnavailable() {}

    public static BraidException noAgent(Path socket) {
        return new BraidException(ErrorCode.AGENT_UNAVAILABLE, "no Braid agent is running (nothing answers on " + socket + "); " + HOW_TO_START);
    }

    public static BraidException wentAway(Path socket, String what) {
        return new BraidException(ErrorCode.AGENT_UNAVAILABLE, "the Braid agent on " + socket + " " + what);
    }
}

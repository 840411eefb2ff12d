package io.braid.core.agent;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.store.DeviceCredentials;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The engine factory of a build without a tunnel engine: it says so instead of pretending. */
public final class UnavailableEngine implements TunnelEngineFactory {
    public static final String MESSAGE = "the tunnel engine is not available in this build";

    @Override
    public TunnelEngine start(DeviceCredentials device, Path stateDir, UpRequest request, Consumer<TunnelStatus> listener) {
        throw new BraidException(ErrorCode.NOT_IMPLEMENTED, MESSAGE);
    }
}

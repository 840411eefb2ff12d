package io.braid.core.api.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.BraidException;
import io.braid.core.BraidVersion;
import io.braid.core.ErrorCode;
import io.braid.core.api.AgentService;
import io.braid.core.api.LocalApi;
import io.braid.core.api.Method;
import io.braid.core.api.messages.DownRequest;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.LogsResult;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.api.messages.VersionInfo;

/** Turns one decoded request into one call on the {@link AgentService} (everything but {@code watch}, which streams). */
final class Dispatcher {
    private final AgentService service;

    Dispatcher(AgentService service) {
        this.service = service;
    }

    Object call(Method method, JsonNode params) {
        method.reservedFor().ifPresent(feature -> {
            throw new BraidException(ErrorCode.NOT_IMPLEMENTED, "'" + method.wire() + "' comes with " + feature + "; this agent does not have it yet");
        });
        return switch (method) {
            case STATUS -> {
                RequestParser.none(method, params);
                yield service.status();
            }
            case UP -> service.up(RequestParser.params(method, params, UpRequest.class));
            case DOWN -> service.down(RequestParser.params(method, params, DownRequest.class));
            case ENROLL -> service.enroll(RequestParser.params(method, params, EnrollParams.class));
            case LOGS -> {
                RequestParser.none(method, params);
                yield new LogsResult(service.logs());
            }
            case VERSION -> {
                RequestParser.none(method, params);
                yield new VersionInfo(BraidVersion.current(), LocalApi.PROTOCOL);
            }
            case WATCH, MODE, WANS, WAN_SET -> throw new IllegalStateException(method + " is not a plain call");
        };
    }
}

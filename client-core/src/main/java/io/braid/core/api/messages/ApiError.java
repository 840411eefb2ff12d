package io.braid.core.api.messages;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;

/** A refusal or failure on the wire: the stable {@link ErrorCode} id and a one-line message for people. */
public record ApiError(String code, String message) {
    public static ApiError of(BraidException e) {
        return new ApiError(e.code().id(), e.getMessage());
    }

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.id(), message);
    }

    /** The same failure on the client's side, so the CLI maps it to its exit code like any other. */
    public BraidException toException() {
        return new BraidException(ErrorCode.fromId(code), message);
    }
}

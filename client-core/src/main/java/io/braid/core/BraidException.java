package io.braid.core;

/**
 * A failure the user can act on: a stable {@link ErrorCode} plus a one-line message in plain words.
 * Core code throws these; the CLI, GUI and APIs map them to exit codes, dialogs and JSON errors.
 */
public class BraidException extends RuntimeException {
    private final ErrorCode code;

    public BraidException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public BraidException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

package io.braid.server.store;

import java.sql.SQLException;

/** A database failure the caller cannot fix by changing its input; reported as an internal error. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("store failure: " + cause.getMessage(), cause);
    }
}

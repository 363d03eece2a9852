package org.threshold.hub.app;

/**
 * The database failed. The message names the operation and the database's error class or SQL state (never a bound
 * value or the driver's message, which may quote one, so no personal data); nothing the transaction did is kept.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

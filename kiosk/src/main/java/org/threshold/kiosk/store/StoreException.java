package org.threshold.kiosk.store;

/**
 * The kiosk database refused a read or a write. SQLite's messages name tables and constraints, never
 * bound values, so the message is safe to log and show.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.threshold.kiosk.store;

/** {@code kiosk.db} is corrupt or is not a SQLite database at all; the kiosk did not touch it. */
public final class DatabaseDamagedException extends RuntimeException {
    public DatabaseDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}

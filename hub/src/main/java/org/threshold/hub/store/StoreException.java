package org.threshold.hub.store;

/**
 * The database failed. The message names the operation and SQLite's error (never a bound value, so no
 * personal data); the request that hit it fails and nothing it did is committed.
 */
public final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

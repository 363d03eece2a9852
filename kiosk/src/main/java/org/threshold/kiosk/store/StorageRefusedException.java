package org.threshold.kiosk.store;

/** The kiosk will not take new data now (disk nearly full, database damaged); the message says what to do. */
public final class StorageRefusedException extends RuntimeException {
    private final int status;
    private final String reason;

    StorageRefusedException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    /** The HTTP status to answer with: 507 for disk space, 503 for a damaged database. */
    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}

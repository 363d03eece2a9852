package org.threshold.kiosk;

/** The kiosk cannot start; the message says what to fix. */
public final class KioskStartException extends RuntimeException {
    KioskStartException(String message) {
        super(message);
    }

    public KioskStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

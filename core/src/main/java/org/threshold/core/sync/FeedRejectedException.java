package org.threshold.core.sync;

/** An update feed page the kiosk must not apply: {@code reason} is machine-readable, the message says why. */
public final class FeedRejectedException extends RuntimeException {
    private final String reason;

    public FeedRejectedException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

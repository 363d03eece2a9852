package org.threshold.hub.enrollment;

/** An enrollment code that cannot be used; {@link #reason()} is machine-readable, the message says what to do. */
public final class EnrollmentRefusedException extends RuntimeException {
    public enum Reason { CODE_UNKNOWN, CODE_USED, CODE_EXPIRED, NO_OPERATORS, KIOSK_EXISTS }

    private final Reason reason;

    public EnrollmentRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

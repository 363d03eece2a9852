package org.threshold.kiosk.enrollment;

/** Enrollment did not complete; nothing was written. The message says what went wrong and what to do. */
public final class EnrollmentFailedException extends RuntimeException {
    private final String reason;

    EnrollmentFailedException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    EnrollmentFailedException(String reason, String message, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
    }

    /** Machine-readable: the hub's reason ({@code CODE_USED}, {@code CODE_EXPIRED}, ...) or the kiosk's own. */
    public String reason() {
        return reason;
    }
}

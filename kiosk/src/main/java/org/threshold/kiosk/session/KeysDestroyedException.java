package org.threshold.kiosk.session;

import java.time.Instant;

/**
 * The kiosk's local key material was destroyed (a tamper signal, or the hub revoked the kiosk), so no
 * operator can unlock it any more. Registrations already made still reach the hub.
 */
public final class KeysDestroyedException extends UnlockRefusedException {
    private final String cause;

    KeysDestroyedException(String cause, Instant at) {
        super(message(cause, at));
        this.cause = cause;
    }

    /** {@code TAMPER} or {@code REVOKED}. */
    public String destructionCause() {
        return cause;
    }

    private static String message(String cause, Instant at) {
        String why = switch (cause) {
            case "REVOKED" -> "the hub revoked this kiosk";
            case "TAMPER" -> "the kiosk's case was opened (tamper switch)";
            default -> "of " + cause;
        };
        return "This kiosk cannot be unlocked: its local keys were destroyed at " + at + " because " + why
                + ". Registrations already made are safe and still reach the hub. Do not register here; "
                + "tell your supervisor, who must have the kiosk re-enrolled.";
    }
}

package org.threshold.kiosk.session;

import java.time.Instant;
import java.util.Map;
import org.threshold.core.i18n.Messages;

/**
 * The kiosk's local key material was destroyed (a tamper signal, or the hub revoked the kiosk), so no
 * operator can unlock it any more. Registrations already made still reach the hub.
 */
public final class KeysDestroyedException extends UnlockRefusedException {
    private final String cause;
    private final Instant at;

    KeysDestroyedException(String cause, Instant at) {
        super(message(cause, at));
        this.cause = cause;
        this.at = at;
    }

    public Instant at() {
        return at;
    }

    /** {@code TAMPER} or {@code REVOKED}. */
    public String destructionCause() {
        return cause;
    }

    private static String message(String cause, Instant at) {
        return Messages.of(Messages.ERRORS, Messages.ENGLISH).format("error.KEYS_DESTROYED_" + cause,
                Map.of("at", at.toString()));
    }
}

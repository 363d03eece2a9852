package org.threshold.kiosk.registration;

/** An {@code Idempotency-Key} already answered a different request; nothing was stored. */
public final class IdempotencyKeyReusedException extends RuntimeException {
    IdempotencyKeyReusedException() {
        super("idempotency key reused for a different request");
    }
}

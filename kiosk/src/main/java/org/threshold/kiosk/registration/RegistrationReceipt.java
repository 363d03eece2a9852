package org.threshold.kiosk.registration;

import java.util.UUID;

/**
 * A committed registration and what happened at the printer.
 *
 * @param localCopyKept false when the operator's session held no local data key, so staff cannot look
 *                      the household up on this kiosk (it is still registered and will reach the hub)
 * @param replayed      the first answer to a retried {@code Idempotency-Key}: nothing new was stored or printed
 *                      ({@code sequence} is then 0)
 */
public record RegistrationReceipt(UUID householdId, String shortCode, String qr, long sequence, CardOutcome card,
                                  boolean localCopyKept, boolean replayed) {
}

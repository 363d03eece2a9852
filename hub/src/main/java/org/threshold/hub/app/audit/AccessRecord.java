package org.threshold.hub.app.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One read, or attempted read, of personal data. Never personal data itself, nor what was typed or scanned: a typed
 * token code is as good as a key to the household it names.
 *
 * @param username    who was signed in
 * @param action      what kind of read (e.g. {@code token-lookup})
 * @param outcome     {@code FOUND}, or why nothing was shown ({@code NOT_FOUND}, {@code FORGED}, {@code CHECK_MISMATCH}...)
 * @param householdId the household shown, or null when none was
 */
public record AccessRecord(Instant at, String username, String action, String outcome, UUID householdId) {
}

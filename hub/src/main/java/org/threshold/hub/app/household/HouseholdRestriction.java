package org.threshold.hub.app.household;

import java.time.Instant;
import java.util.UUID;

/**
 * A household whose processing the data protection officer restricted at the person's request: since when, by whom,
 * the {@code HouseholdRestricted} hub event that did it, and why (the request's reference, as the DPO typed it). Beside a referral's status, not one of them: a restricted
 * household's open referrals keep their status and show as suspended until the restriction is lifted.
 */
public record HouseholdRestriction(UUID householdId, Instant restrictedAt, String restrictedBy, UUID eventId,
                                   String reason) {
}

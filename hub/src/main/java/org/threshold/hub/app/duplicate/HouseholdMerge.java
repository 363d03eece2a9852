package org.threshold.hub.app.duplicate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A merge in force: {@code merged}'s tokens now lead to {@code survivor}, and the referrals {@code movedReferrals}
 * (those it had when merged) now belong to the survivor. {@code eventId} is the {@code HouseholdsMerged} event.
 */
public record HouseholdMerge(UUID mergedId, UUID survivorId, UUID pairId, List<UUID> movedReferrals, UUID eventId,
                             Instant mergedAt) {
    public HouseholdMerge {
        movedReferrals = List.copyOf(movedReferrals);
    }
}

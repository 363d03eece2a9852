package org.threshold.hub.app.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One read, or attempted read, of personal data. Never personal data itself, nor what was typed or scanned: a typed
 * token code is as good as a key to the household it names. A read of one household names it in
 * {@code householdId}; a page of households (a queue page, a referral list) is one record naming each household it
 * showed in {@code shown}, with what for: one record and one link of the chain per page, not one per household.
 *
 * @param username    who was signed in
 * @param action      what kind of read (e.g. {@code token-lookup})
 * @param outcome     {@code FOUND}, or why nothing was shown ({@code NOT_FOUND}, {@code FORGED}, {@code CHECK_MISMATCH}...)
 * @param householdId the one household shown, or null when none was or the record is a page's
 * @param shown       the households a page showed, in the page's order; empty for a read of one household
 */
public record AccessRecord(Instant at, String username, String action, String outcome, UUID householdId,
                           List<Shown> shown) {
    public AccessRecord {
        shown = List.copyOf(shown);
        if (householdId != null && !shown.isEmpty()) {
            throw new IllegalArgumentException("A record names one household or a page of them, not both");
        }
    }

    /** A read of one household ({@code householdId}), or of none (null). */
    public AccessRecord(Instant at, String username, String action, String outcome, UUID householdId) {
        this(at, username, action, outcome, householdId, List.of());
    }

    /**
     * A household a page showed, and what for: the service whose referral showed it (what decided, through its field
     * profile, what of the household was seen). Ids only, as everywhere in the log.
     */
    public record Shown(UUID householdId, String purpose) {
    }

    /** Every household the record names: its one household, or each its page showed (once). */
    public List<UUID> households() {
        if (householdId != null) {
            return List.of(householdId);
        }
        List<UUID> households = new ArrayList<>(shown.size());
        for (Shown one : shown) {
            if (!households.contains(one.householdId())) {
                households.add(one.householdId());
            }
        }
        return households;
    }
}

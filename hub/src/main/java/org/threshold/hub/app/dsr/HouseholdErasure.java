package org.threshold.hub.app.dsr;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.threshold.core.event.EventType;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.access.GlassBreakReasons;
import org.threshold.hub.app.event.EventRedaction;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.ReferralRedaction;

/**
 * Erases a household, for a data-subject request or the retention job alike, in the caller's transaction: destroys
 * its wrapped data key, sealed data and search terms (crypto-shredding), takes the notes and reasons out of its
 * referrals' histories, cuts every stored event that carried its data (its kiosk's events, the hub's corrections,
 * notes and transitions) down to its signed header, and writes the {@code HouseholdErased} tombstone on the hub's
 * chain. The referrals' rows stay, with codes and times but nothing typed, so the reports still count them.
 */
public final class HouseholdErasure {
    private final HubEvents events;

    public HouseholdErasure(HubEvents events) {
        this.events = events;
    }

    /** What an erasure did: which household, when, how many stored events lost their payload. */
    public record Erasure(UUID householdId, Instant at, int eventsRedacted, int referralsRedacted) {
    }

    /**
     * Erases the household (locking the hub's chain first, so two erasures never cross); empty if it is not there or
     * was already erased.
     *
     * @param actor  who asked: the DPO's username, or the retention job's name
     * @param reason the request's reference, or the retention rule; never personal data
     */
    public Optional<Erasure> erase(Repositories repositories, UUID householdId, String actor, String reason) {
        HubEvents.Appender chain = events.lock(repositories);
        Optional<SealedHousehold> found = repositories.households().findById(householdId);
        if (found.isEmpty() || found.get().erased()) {
            return Optional.empty();
        }
        Instant at = events.now();
        Set<UUID> carriers = new LinkedHashSet<>();
        carriers.add(found.get().eventId());
        repositories.householdHistory().of(householdId).forEach(entry -> carriers.add(entry.eventId()));
        int referrals = 0;
        for (ReferralRecord referral : repositories.referrals().forHousehold(householdId)) {
            carriers.add(referral.eventId());
            carriers.addAll(ReferralRedaction.redact(repositories, referral.referralId(), at,
                    ReferralRedaction.ERASED));
            referrals++;
        }
        int redacted = EventRedaction.cutToHeaders(repositories, carriers);
        repositories.households().erase(householdId, at);
        // An officer's reason for breaking the glass on it may name its people: it goes too (who and when stay).
        repositories.glassBreaks().replaceReasons(householdId, GlassBreakReasons.ERASED);
        chain.append(DsrEvents.of(EventType.HOUSEHOLD_ERASED, householdId, actor, reason, at));
        return Optional.of(new Erasure(householdId, at, redacted, referrals));
    }
}

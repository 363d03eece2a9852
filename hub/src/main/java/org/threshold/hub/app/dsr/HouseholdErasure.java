package org.threshold.hub.app.dsr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
 * chain. The referrals' rows stay, with codes and times but nothing typed, so the reports still count them. A
 * household merged into another takes with it the words of the referrals the merge moved from it; a survivor's
 * erasure leaves the households merged into it as they are (the merge may be undone): the DPO's search finds each
 * registration of the person, to erase each one the request covers.
 */
public final class HouseholdErasure {
    private final HubEvents events;

    public HouseholdErasure(HubEvents events) {
        this.events = events;
    }

    /** Cuts these stored events to their headers, sealed by the hub, as an erasure does; returns how many. */
    public int cutToHeaders(Repositories repositories, Collection<UUID> eventIds) {
        return EventRedaction.cutToHeaders(repositories, eventIds, events);
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
        List<ReferralRecord> referrals = new ArrayList<>(repositories.referrals().forHousehold(householdId));
        // Merged into another household, its referrals went to the survivor, but they came from its registration and
        // speak of its people: their words go as its own referrals' do (the rows stay with the survivor, code only).
        repositories.duplicates().mergeOf(householdId).ifPresent(merge -> merge.movedReferrals()
                .forEach(moved -> repositories.referrals().find(moved).ifPresent(referrals::add)));
        for (ReferralRecord referral : referrals) {
            carriers.add(referral.eventId());
            carriers.addAll(ReferralRedaction.redact(repositories, referral.referralId(), at,
                    ReferralRedaction.ERASED));
        }
        int redacted = cutToHeaders(repositories, carriers);
        repositories.households().erase(householdId, at);
        // An officer's reason for breaking the glass on it may name its people: it goes too (who and when stay).
        repositories.glassBreaks().replaceReasons(householdId, GlassBreakReasons.ERASED);
        // Nothing is left to restrict, and the DPO's typed reason is one more thing the erasure must not leave behind.
        repositories.restrictions().lift(householdId);
        chain.append(DsrEvents.of(EventType.HOUSEHOLD_ERASED, householdId, actor, reason, at));
        return Optional.of(new Erasure(householdId, at, redacted, referrals.size()));
    }
}

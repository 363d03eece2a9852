package org.threshold.hub.app.dsr;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.household.HeldChanges;
import org.threshold.hub.app.household.HouseholdRestriction;

/**
 * Restricts a household's processing at the person's request, and lifts the restriction, in the caller's
 * transaction: each a hub event ({@code HouseholdRestricted}, {@code HouseholdRestrictionLifted}) on the locked hub
 * chain, the restriction table that the {@code AccessPolicy} reads, and a line in the household's history. Lifting it
 * applies the kiosk's changes held meanwhile ({@link HeldChanges}).
 */
public final class HouseholdRestrictions {
    private final HubEvents events;
    private final HeldChanges held;

    public HouseholdRestrictions(HubEvents events, HeldChanges held) {
        this.events = events;
        this.held = held;
    }

    /** When a restriction was lifted, and what became of the changes held under it. */
    public record Lifted(Instant at, HeldChanges.Outcome held) {
    }

    /** @throws Refusal CONFLICT {@code ALREADY_RESTRICTED} */
    public HouseholdRestriction restrict(Repositories repositories, UUID householdId, String actor, String reason) {
        HubEvents.Appender chain = events.lock(repositories);
        if (repositories.restrictions().find(householdId).isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ALREADY_RESTRICTED", "This household's processing is already "
                    + "restricted. Lift the restriction first if it must be recorded again.", Map.of());
        }
        Instant at = events.now();
        SignedEvent event = chain.append(DsrEvents.of(EventType.HOUSEHOLD_RESTRICTED, householdId, actor, reason, at));
        HouseholdRestriction restriction = new HouseholdRestriction(householdId, at, actor, event.header().eventId(),
                reason);
        repositories.restrictions().restrict(restriction);
        HubHistory.record(repositories, event, householdId, actor);
        return restriction;
    }

    /**
     * Lifts it and applies the changes held under it, after the lift in the history.
     *
     * @throws Refusal CONFLICT {@code NOT_RESTRICTED}
     */
    public Lifted lift(Repositories repositories, UUID householdId, String actor, String reason) {
        // No projector chunk may hold a change between the lift and the replay, and its turn comes before the chain.
        repositories.projections().takeTurn();
        HubEvents.Appender chain = events.lock(repositories);
        if (!repositories.restrictions().lift(householdId)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "NOT_RESTRICTED", "This household's processing is not "
                    + "restricted, so there is nothing to lift.", Map.of());
        }
        Instant at = events.now();
        SignedEvent event = chain.append(DsrEvents.of(EventType.HOUSEHOLD_RESTRICTION_LIFTED, householdId, actor,
                reason, at));
        HubHistory.record(repositories, event, householdId, actor);
        return new Lifted(at, held.apply(repositories, householdId, at));
    }
}

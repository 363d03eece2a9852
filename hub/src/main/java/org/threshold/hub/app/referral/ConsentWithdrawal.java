package org.threshold.hub.app.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.threshold.core.event.EventType;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralCommand;
import org.threshold.core.referral.ReferralConsents;
import org.threshold.core.referral.ReferralLifecycle;
import org.threshold.core.referral.ReferralTransitioned;
import org.threshold.core.referral.TransitionOutcome;
import org.threshold.core.registration.Household;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.event.HubEvents;

/**
 * A household's consent to referral withdrawn, at the hub or at the kiosk: every open referral of the household that
 * stands on consent (GBV's always do) becomes {@code WITHDRAWN} with the reason, one hub event each, in the caller's
 * transaction. Referrals on best or vital interests stay open (the lifecycle refuses them
 * {@code NOT_BASED_ON_CONSENT}; see docs/referrals.md, open question 4). Thread-safe.
 */
public final class ConsentWithdrawal {
    private final HubEvents events;
    private final ReferralLifecycle lifecycle;

    public ConsentWithdrawal(HubEvents events, ReferralLifecycle lifecycle) {
        this.events = events;
        this.lifecycle = lifecycle;
    }

    /** What a withdrawal did: the referrals it withdrew, and the open ones it left open. */
    public record Outcome(List<ReferralRecord> withdrawn, List<ReferralRecord> kept) {
        public Outcome {
            withdrawn = List.copyOf(withdrawn);
            kept = List.copyOf(kept);
        }
    }

    /**
     * Withdraws the household's open consent-based referrals.
     *
     * @param reason as core's {@code StrictText} returned it, 1 to 500 characters
     * @param actor  an account name, or for the kiosk the kiosk id in lower case
     */
    public Outcome withdraw(Repositories repositories, UUID householdId, String reason, String actor) {
        return withdraw(repositories, householdId, reason, actor, referral -> true);
    }

    /**
     * Withdraws the household's open referrals on consent that its consent, as {@code household} now records it, no
     * longer holds for every person they refer: a correction or a consent change can take away the household's
     * consent, or one person's own (a child's assent, say), on which a GBV referral stands; or the person referred.
     *
     * @param household the household as it reads after the change
     */
    public Outcome withdrawUnconsented(Repositories repositories, UUID householdId, Household household, String reason,
                                       String actor) {
        ReferralConsents consents = ReferralConsents.fromRegistration(household, lifecycle.services());
        return withdraw(repositories, householdId, reason, actor, referral -> referral.basis() == LegalBasis.CONSENT
                && !referral.people().stream().allMatch(person -> person.member() < household.members().size()
                        && lifecycle.services().find(referral.service())
                                .map(service -> consents.holds(person.member(), service)).orElse(false)));
    }

    private Outcome withdraw(Repositories repositories, UUID householdId, String reason, String actor,
                             Predicate<ReferralRecord> which) {
        Predicate<ReferralRecord> candidate = referral -> referral.status().open() && which.test(referral);
        // Most kiosk changes take no consent away: the hub's chain is locked (and the referrals read again) only when
        // one does, so they do not wait on hub actions for nothing.
        if (repositories.referrals().forHousehold(householdId).stream().noneMatch(candidate)) {
            return new Outcome(List.of(), List.of());
        }
        HubEvents.Appender chain = events.lock(repositories);
        List<ReferralRecord> withdrawn = new ArrayList<>();
        List<ReferralRecord> kept = new ArrayList<>();
        for (ReferralRecord referral : repositories.referrals().forHousehold(householdId)) {
            if (!candidate.test(referral)) {
                continue;
            }
            TransitionOutcome outcome = lifecycle.decide(referral.state(),
                    new ReferralCommand.WithdrawConsent(referral.service(), reason));
            if (outcome instanceof TransitionOutcome.Moved moved) {
                withdrawn.add(ReferralHistory.record(chain, repositories, referral, moved.state(),
                        EventType.REFERRAL_TRANSITIONED, new ReferralTransitioned(referral.referralId(),
                                referral.status(), moved.state().status(), reason, events.now(), actor)));
            } else {
                kept.add(referral);
            }
        }
        return new Outcome(withdrawn, kept);
    }
}

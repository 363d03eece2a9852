package org.threshold.kiosk.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.HouseholdNeeds;
import org.threshold.core.referral.ReferralConfirmation;
import org.threshold.core.referral.ReferralConsents;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferralSuggester;
import org.threshold.core.referral.ReferralSuggestions;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.SuggestedReferral;
import org.threshold.core.registration.Household;

/**
 * The referrals a registration makes: the rules' suggestions from the household's needs and recorded consents,
 * narrowed to the services the operator confirmed, as {@code ReferralRequested} events to seal with the
 * registration. Nothing here stores or sends anything. Thread-safe.
 */
public final class RegistrationReferrals {
    private final ReferralData data;
    private final ReferralSuggester suggester;

    public RegistrationReferrals(ReferralData data) {
        this.data = data;
        this.suggester = new ReferralSuggester(data);
    }

    /** What the rules suggest for a validated household, requested at {@code at}; {@code today} gives ages. */
    public ReferralSuggestions suggest(Household household, LocalDate today, Instant at) {
        return suggester.suggest(HouseholdNeeds.of(household, today),
                ReferralConsents.fromRegistration(household, data.services()), at);
    }

    /**
     * The {@code ReferralRequested} payloads of the referrals to make.
     *
     * @param confirmed the services the operator confirmed; empty for every suggested referral
     * @param ids       a fresh referral id each time
     * @throws ReferralConfirmation.NotConfirmableException if a confirmed service cannot be referred to; nothing
     *                                                      is made
     */
    List<byte[]> requests(Household household, UUID householdId, LocalDate today, Instant at,
                                    Optional<List<String>> confirmed, Supplier<UUID> ids) {
        List<SuggestedReferral> made = ReferralConfirmation.confirm(suggest(household, today, at), data.services(),
                confirmed);
        return made.stream().map(referral -> ReferralRequested.of(ids.get(), householdId, at, referral).toJson())
                .toList();
    }

    /**
     * Whether a referral names a sensitive code (REFERENCE.md §1): such a referral is shown only on the privacy and
     * consent steps, never on a summary screen.
     */
    public boolean sensitive(List<ReferredPerson> people) {
        NeedsCatalogue catalogue = data.catalogue();
        return people.stream().flatMap(person -> person.needs().stream())
                .anyMatch(code -> catalogue.find(code).map(need -> need.sensitive()).orElse(true));
    }
}

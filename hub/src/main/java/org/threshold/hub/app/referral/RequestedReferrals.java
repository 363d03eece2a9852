package org.threshold.hub.app.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.core.referral.ReferralBasisCheck;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.registration.Household;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.ProjectionFailure;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.household.StoredHousehold;
import org.threshold.hub.app.referral.ReferralRepository.NewReferral;

/**
 * Stores the referrals kiosks requested, in the projector's transaction, but only those that stand on the basis they
 * claim by the household's record as the hub holds it then ({@link ReferralBasisCheck}): a GBV referral without the
 * survivor's own consent, a consent referral without consent, or a claim of best or vital interests its codes do not
 * support, is refused as a projection failure and never reaches a queue. A referral whose household the read model does
 * not hold is left to the store, which refuses it as before. Each household is opened once per chunk. Thread-safe.
 */
public final class RequestedReferrals {
    private final HouseholdVault vault;
    private final ReferralBasisCheck check;

    public RequestedReferrals(HouseholdVault vault, ReferralData data) {
        this.vault = vault;
        this.check = new ReferralBasisCheck(data);
    }

    /** Stores those that stand; returns, as failures, those refused here or by the store. */
    public List<ProjectionFailure> insert(Repositories repositories, List<NewReferral> requested) {
        List<ProjectionFailure> refused = new ArrayList<>();
        List<NewReferral> standing = new ArrayList<>();
        Map<java.util.UUID, Optional<Household>> households = new HashMap<>();
        for (NewReferral referral : requested) {
            ReferralRecord record = referral.referral();
            Optional<ReferralBasisCheck.Problem> problem = households.computeIfAbsent(record.householdId(),
                    id -> repositories.households().findById(id).filter(found -> !found.erased()).map(this::open))
                    .flatMap(household -> check.problem(asRequest(record, record.service(), record.requestedAt()),
                            household));
            if (problem.isPresent()) {
                refused.add(new ProjectionFailure(record.eventId(), "a referral to " + record.service() + " on "
                        + record.basis().wireName() + " that the household's record does not support: "
                        + problem.get()));
            } else {
                standing.add(referral);
            }
        }
        refused.addAll(repositories.referrals().insertRequested(standing));
        return refused;
    }

    /**
     * Whether {@code referral} would stand on its own basis if it went to {@code service} on {@code at}: a supervisor's
     * reassignment is checked as a kiosk's request is. Empty when the household is not held (the caller refuses that).
     */
    Optional<ReferralBasisCheck.Problem> problemIfSentTo(Repositories repositories, ReferralRecord referral,
                                                         String service, Instant at) {
        return repositories.households().findById(referral.householdId()).filter(found -> !found.erased())
                .map(this::open).flatMap(household -> check.problem(asRequest(referral, service, at), household));
    }

    private Household open(SealedHousehold sealed) {
        return StoredHousehold.read(vault.open(sealed));
    }

    private static ReferralRequested asRequest(ReferralRecord record, String service, Instant at) {
        return new ReferralRequested(record.referralId(), record.householdId(), service, record.urgency(), at,
                record.dueAt(), record.basis(), record.people());
    }
}

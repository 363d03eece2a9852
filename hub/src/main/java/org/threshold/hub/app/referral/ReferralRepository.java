package org.threshold.hub.app.referral;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.threshold.hub.app.household.ProjectionFailure;

/** Referrals projected from their events, with each referral's history; the queues and the API read them here. */
public interface ReferralRepository {

    /** A referral as its request made it, and that request as the first event of its history. */
    record NewReferral(ReferralRecord referral, ReferralEventRecord request) {
        public NewReferral {
            if (!referral.referralId().equals(request.referralId()) || !referral.eventId().equals(request.eventId())) {
                throw new IllegalArgumentException("The request event must be the referral's own");
            }
        }
    }

    /**
     * Stores each new referral with its request, and skips one its own event already stored (projecting again
     * changes nothing). Returns, as failures, those it did not store because their referral id is held from
     * another event. A refused one never undoes the others.
     */
    List<ProjectionFailure> insertRequested(List<NewReferral> referrals);

    Optional<ReferralRecord> find(UUID referralId);

    /** A household's referrals, soonest due first. */
    List<ReferralRecord> forHousehold(UUID householdId);

    /** A referral's history, oldest first. */
    List<ReferralEventRecord> history(UUID referralId);

    long count();
}

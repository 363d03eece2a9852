package org.threshold.hub.app.access;

import java.time.Instant;
import java.util.Objects;
import org.threshold.core.referral.VisibleHousehold;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.referral.ReferralRecord;

/**
 * A referral as the {@link AccessPolicy} lets a user see it: the referral, the household's card, and only the people,
 * fields and need codes the referral's service may see (its field profile). {@code suspended}: the person had the
 * processing of their data restricted, so the referral keeps its status but nobody may act on it, and none of the
 * household's people or fields are shown.
 */
public record ReferralView(ReferralRecord referral, HouseholdRecord household, VisibleHousehold visible,
                           boolean overdue, boolean suspended) {

    public ReferralView {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(visible, "visible");
    }

    /** Whether an open referral is past its due time at {@code now}. */
    static boolean overdue(ReferralRecord referral, Instant now) {
        return referral.status().open() && referral.dueAt().isBefore(now);
    }

    @Override
    public String toString() {
        return "ReferralView[" + referral.referralId() + ", personal data redacted]";
    }
}

package org.threshold.hub.app.access;

import java.util.List;
import java.util.Optional;
import org.threshold.core.referral.VisibleHousehold;
import org.threshold.hub.app.household.HouseholdRecord;

/** What the {@link AccessPolicy} lets a signed-in user see of a household they looked up. */
public sealed interface HouseholdView {

    /** The household found: its token and registration, whatever else the user may see. */
    HouseholdRecord record();

    /**
     * The people and fields the user may see; {@code withheldCodes} says, per member index, how many of that
     * member's need codes are hidden from this user (so a page can say that there are some, never which);
     * {@code glassBreak} is the grant that opened it, when one did (the answer is marked with it).
     */
    record Visible(HouseholdRecord record, VisibleHousehold household, List<Integer> withheldCodes,
                   Optional<GlassBreak> glassBreak) implements HouseholdView {
        public Visible {
            withheldCodes = List.copyOf(withheldCodes);
        }

        @Override
        public String toString() {
            return "Visible[" + record + "]";
        }
    }

    /**
     * A caseworker's or supervisor's scan of a household with referrals to their services: those referrals, each with
     * only what its service may see.
     */
    record Referrals(HouseholdRecord record, List<ReferralView> referrals) implements HouseholdView {
        public Referrals {
            referrals = List.copyOf(referrals);
        }

        @Override
        public String toString() {
            return "Referrals[" + record + ", " + referrals.size() + "]";
        }
    }

    /** A caseworker's scan of a household with no referral to their services: that fact, and nothing personal. */
    record NoReferral(HouseholdRecord record) implements HouseholdView {
        @Override
        public String toString() {
            return "NoReferral[" + record + "]";
        }
    }
}

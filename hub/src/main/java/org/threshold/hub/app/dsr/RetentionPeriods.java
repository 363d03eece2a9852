package org.threshold.hub.app.dsr;

/**
 * How long the hub keeps each category of personal data (issue 12 §4), in days: a referral's notes and reasons once
 * it is closed (then anonymised: its codes and times stay for the reports), and a household with no activity (then
 * erased as at a data-subject request). REFERENCE.md §4 asks for periods set per category; the defaults are two and
 * five years.
 */
public record RetentionPeriods(int closedReferralsDays, int inactiveHouseholdsDays) {
    public static final RetentionPeriods DEFAULT = new RetentionPeriods(730, 1826);
    /** A hundred years: more is a typo, not a policy. */
    public static final int MAX_DAYS = 36_525;

    public RetentionPeriods {
        check(closedReferralsDays, "closed referrals");
        check(inactiveHouseholdsDays, "inactive households");
    }

    private static void check(int days, String category) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("The retention period of " + category + " is 1 to " + MAX_DAYS
                    + " days, not " + days);
        }
    }

    @Override
    public String toString() {
        return "retention " + closedReferralsDays + " days for closed referrals, " + inactiveHouseholdsDays
                + " days for inactive households";
    }
}

package org.threshold.hub.app.referral;

import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.access.HouseholdView;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.TokenLookup;

/**
 * A protection officer withdraws, at the hub, the consent to referral of the household a card names: the household
 * is found (and the read logged) as by a token lookup, by the officer's own right to it, then
 * {@link ReferralChanges#withdrawConsent} withdraws its open consent-based referrals. The JSON API and the scan page
 * both come here, so they cannot drift apart. Thread-safe.
 */
public final class HouseholdConsent {
    private final TokenLookup lookup;
    private final ReferralChanges changes;

    public HouseholdConsent(TokenLookup lookup, ReferralChanges changes) {
        this.lookup = lookup;
        this.changes = changes;
    }

    /** What a withdrawal found and did: the household as the officer sees it, and which referrals it withdrew. */
    public record Withdrawn(HouseholdView household, ConsentWithdrawal.Outcome outcome) {
    }

    /**
     * @throws Refusal every refusal of {@link TokenLookup#find} (nothing withdrawn), and of
     *                  {@link ReferralChanges#withdrawConsent}
     */
    public Withdrawn withdraw(SignedInUser officer, String codeOrQr, String reason) {
        HouseholdView household = lookup.find(codeOrQr, officer);
        return new Withdrawn(household, changes.withdrawConsent(officer, household.record().householdId(), reason));
    }
}

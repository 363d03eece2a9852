package org.threshold.hub.app.household;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.access.HouseholdView;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.referral.ReferralRecord;

/**
 * For a typed token code whose check character does not add up: the codes one typo away (core's
 * {@link TokenId#singleEditsOf}) of households the user could open anyway, as the {@link AccessPolicy} decides. So the
 * hint names only codes, and only those whose lookup would show the user the household: it tells nobody that a
 * household they may not see is registered. Not in the access log: it shows no personal data, and choosing a hint is
 * a lookup, which is logged.
 */
public final class TypoHints {
    private final HouseholdProjector projector;
    private final HubStore store;
    private final HouseholdVault vault;
    private final AccessPolicy policy;
    private final Clock clock;

    public TypoHints(HouseholdProjector projector, HubStore store, HouseholdVault vault, AccessPolicy policy,
                     Clock clock) {
        this.projector = projector;
        this.clock = clock;
        this.store = store;
        this.vault = vault;
        this.policy = policy;
    }

    /** The short codes (like {@code 7K3M-Q9XD-2HPT-VB6R-F}) {@code typed} may have meant; empty if none. */
    public List<String> near(String typed, SignedInUser user) {
        List<TokenId> candidates = TokenId.singleEditsOf(typed == null ? "" : typed);
        if (candidates.isEmpty()) {
            return List.of();
        }
        record Candidate(SealedHousehold household, List<ReferralRecord> referrals, boolean restricted) {
        }
        // As for a lookup: a card synced a moment ago is still waiting for the projector, and the typed code is it.
        projector.catchUpIfBehind();
        List<Candidate> found = store.read(repositories -> {
            List<Candidate> households = new ArrayList<>();
            for (TokenId candidate : candidates) {
                // An erased household has nothing left to open, so nothing to hint at.
                repositories.households().findByToken(candidate).filter(sealed -> !sealed.erased())
                        .ifPresent(sealed -> households.add(new Candidate(sealed, repositories.referrals()
                                .forHousehold(sealed.householdId()), repositories.restrictions()
                                .find(sealed.householdId()).isPresent())));
            }
            return households;
        });
        List<String> codes = new ArrayList<>();
        for (Candidate candidate : found) {
            HouseholdRecord household = vault.open(candidate.household());
            if (visible(user, household, candidate.referrals(), candidate.restricted())) {
                codes.add(household.tokenId().shortCode());
            }
        }
        return codes;
    }

    /** Whether a lookup would show the user something of the household: it whole, or their services' referrals. */
    private boolean visible(SignedInUser user, HouseholdRecord household, List<ReferralRecord> referrals,
                            boolean restricted) {
        try {
            policy.requireReadable(user, household.householdId(), restricted);
            HouseholdView view = policy.household(user, household, referrals, clock.instant());
            return view instanceof HouseholdView.Visible || view instanceof HouseholdView.Referrals;
        } catch (Refusal refused) {
            return false;
        }
    }
}

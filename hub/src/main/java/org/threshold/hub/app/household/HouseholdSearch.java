package org.threshold.hub.app.household;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.access.HouseholdView;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.referral.ReferralRecord;

/**
 * Caseworkers', supervisors' and protection officers' search by name in any script, date of birth, age or token
 * ({@link HouseholdFinder}): a short list of the households the {@link AccessPolicy} lets the caller see, each as a
 * token lookup would show it. A caseworker or supervisor finds only households with referrals to their services (a
 * household they may see nothing of is left out, not named). A merged household is found as its survivor. At most
 * {@link #MAX_RESULTS}: a search that matches more says so and should be narrowed; this is not a way to list
 * households. Every household shown is recorded in the access log, and a search that showed none is recorded too,
 * never with what was searched for. Thread-safe.
 */
public final class HouseholdSearch {
    /** The access log's name for a household shown by a search. */
    public static final String ACTION = "search";
    /** Enough to pick a person out of namesakes; few enough that a search lists no one in bulk. */
    public static final int MAX_RESULTS = 10;

    private final HouseholdFinder finder;
    private final HubStore store;
    private final HouseholdVault vault;
    private final AccessPolicy policy;
    private final AccessAudit audit;
    private final Clock clock;

    public HouseholdSearch(HouseholdFinder finder, HubStore store, HouseholdVault vault, AccessPolicy policy,
                           AccessAudit audit, Clock clock) {
        this.finder = finder;
        this.store = store;
        this.vault = vault;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a search showed; {@code more} says it matched more than it may show. */
    public record Results(List<HouseholdView> households, boolean more) {
        public Results {
            households = List.copyOf(households);
        }
    }

    /**
     * @throws Refusal as {@link HouseholdFinder#criteria} for a query that does not read; FORBIDDEN
     *                 {@code NO_HOUSEHOLD_DATA} for roles that see none
     */
    public Results search(SignedInUser user, HouseholdFinder.Query query) {
        HouseholdFinder.Criteria criteria;
        try {
            // Refuses the roles that see no household (ADMIN, DPO) before anything is looked for.
            policy.referralServices(user);
            criteria = finder.criteria(query);
        } catch (Refusal refused) {
            record(user, refused.reason(), null);
            throw refused;
        }
        List<SealedHousehold> found = finder.find(criteria, MAX_RESULTS + 1);
        List<HouseholdView> shown = store.read(repositories -> {
            // A merged household's record lives on in its survivor: show that, once.
            Map<UUID, SealedHousehold> current = new LinkedHashMap<>();
            for (SealedHousehold household : found) {
                UUID survivor = repositories.duplicates().survivorOf(household.householdId());
                repositories.households().findById(survivor).filter(sealed -> !sealed.erased())
                        .ifPresent(sealed -> current.putIfAbsent(survivor, sealed));
            }
            List<HouseholdView> views = new ArrayList<>();
            for (SealedHousehold sealed : current.values()) {
                List<ReferralRecord> referrals = repositories.referrals().forHousehold(sealed.householdId());
                HouseholdView view = policy.household(user, vault.open(sealed), referrals, clock.instant());
                if (!(view instanceof HouseholdView.NoReferral) && views.size() < MAX_RESULTS) {
                    views.add(view);
                }
            }
            return views;
        });
        if (shown.isEmpty()) {
            record(user, "NOT_FOUND", null);
        }
        shown.forEach(view -> record(user, TokenLookup.FOUND, view.record().householdId()));
        return new Results(shown, found.size() > MAX_RESULTS);
    }

    private void record(SignedInUser user, String outcome, UUID householdId) {
        audit.record(new AccessRecord(clock.instant(), user.username(), ACTION, outcome, householdId));
    }
}

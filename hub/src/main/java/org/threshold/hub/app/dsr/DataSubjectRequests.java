package org.threshold.hub.app.dsr;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.JsonNode;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.ReferralLifecycle;
import org.threshold.core.registration.FieldProblem;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.duplicate.DuplicateDetection;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.household.HistoryEntry;
import org.threshold.hub.app.household.HouseholdFinder;
import org.threshold.hub.app.household.HouseholdReseal;
import org.threshold.hub.app.household.HouseholdRestriction;
import org.threshold.hub.app.household.HouseholdProjector;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.household.TokenLookup;
import org.threshold.hub.app.referral.ConsentWithdrawal;
import org.threshold.hub.app.referral.ReferralRecord;

/**
 * The data protection officer's requests on behalf of a person (issue 12 §3): find everything the hub holds on them,
 * export it, correct it, restrict its processing (and lift that), erase it. The route admits the DPO alone; every
 * request, found or not, goes to the access log (never what was searched for, nor the reason given) before the
 * answer is given. This class checks and records; the changes themselves are {@link HouseholdCorrection}'s,
 * {@link HouseholdRestrictions}' and {@link HouseholdErasure}'s, each one transaction; after an erasure the store
 * purges what the database keeps of deleted rows. Thread-safe.
 */
public final class DataSubjectRequests {
    public static final String SEARCH = "dsr-search";
    public static final String EXPORT = "dsr-export";
    public static final String ERASE = "dsr-erase";
    public static final String RESTRICT = "dsr-restrict";
    public static final String LIFT = "dsr-lift";
    public static final String CORRECT = "dsr-correct";
    /** The access log's outcome for a change made. */
    public static final String DONE = "DONE";
    /** More than a DPO reads through; a search that finds more should be narrowed. */
    public static final int MAX_RESULTS = 50;
    private static final int MAX_REASON = 500;
    private static final Logger LOG = LoggerFactory.getLogger(DataSubjectRequests.class);

    private final HubStore store;
    private final HouseholdVault vault;
    private final HouseholdProjector projector;
    private final TokenLookup tokens;
    private final HouseholdFinder finder;
    private final AccessAudit audit;
    private final Clock clock;
    private final HouseholdErasure erasures;
    private final HouseholdRestrictions restrictions;
    private final HouseholdCorrection correction;
    private final NeedsCatalogue catalogue;

    public DataSubjectRequests(HubStore store, HouseholdVault vault, HouseholdProjector projector, TokenLookup tokens,
                               HouseholdFinder finder, AccessAudit audit, Clock clock, HubEvents events,
                               NeedsCatalogue catalogue) {
        this.finder = finder;
        this.erasures = new HouseholdErasure(events);
        this.restrictions = new HouseholdRestrictions(events, projector.heldChanges());
        this.correction = new HouseholdCorrection(events, vault, new HouseholdReseal(vault, catalogue,
                new DuplicateDetection(vault, clock)), new ConsentWithdrawal(events,
                new ReferralLifecycle(ReferralData.bundled().services())));
        this.catalogue = catalogue;
        this.store = store;
        this.vault = vault;
        this.projector = projector;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Everything the hub holds on a household: the household itself, its history, its referrals, and its restriction
     * if its processing is restricted.
     */
    public record Export(HouseholdRecord household, List<HistoryEntry> history, List<ReferralRecord> referrals,
                         Optional<HouseholdRestriction> restriction) {
        @Override
        public String toString() {
            return "Export[" + household + "]";
        }
    }

    /**
     * The households (not erased) that match every part of the query, at most {@link #MAX_RESULTS}.
     *
     * @throws Refusal INVALID {@code INVALID_QUERY} for an empty query, a date or age that does not read; as
     *                 {@link TokenLookup#tokenOf} for a token that does not read
     */
    public List<HouseholdRecord> search(SignedInUser dpo, HouseholdFinder.Query query) {
        HouseholdFinder.Criteria criteria;
        try {
            criteria = finder.criteria(query);
        } catch (Refusal refused) {
            record(dpo, SEARCH, refused.reason(), null);
            throw refused;
        }
        List<HouseholdRecord> found = finder.find(criteria, MAX_RESULTS).stream().map(vault::open).toList();
        if (found.isEmpty()) {
            record(dpo, SEARCH, "NOT_FOUND", null);
        }
        found.forEach(household -> record(dpo, SEARCH, TokenLookup.FOUND, household.householdId()));
        return found;
    }

    /**
     * Everything held on the household of {@code token} (its current token or one a reissue replaced).
     *
     * @throws Refusal NOT_FOUND {@code NOT_FOUND}, GONE {@code ERASED}; as {@link TokenLookup#tokenOf}
     */
    public Export export(SignedInUser dpo, String token) {
        SealedHousehold sealed = resolve(dpo, EXPORT, token);
        Export export = store.read(repositories -> new Export(vault.open(sealed),
                repositories.householdHistory().of(sealed.householdId()),
                repositories.referrals().forHousehold(sealed.householdId()),
                repositories.restrictions().find(sealed.householdId())));
        record(dpo, EXPORT, TokenLookup.FOUND, sealed.householdId());
        return export;
    }

    /**
     * Crypto-shreds the household of {@code token} ({@link HouseholdErasure}); afterwards its tokens answer GONE
     * {@code ERASED}.
     *
     * @param reason why (the request's reference, not the person's words): 1 to 500 characters on one line
     * @throws Refusal INVALID {@code INVALID_REASON}; NOT_FOUND, GONE {@code ERASED} if it was already
     */
    public HouseholdErasure.Erasure erase(SignedInUser dpo, String token, String reason) {
        String checked = reason(dpo, ERASE, reason);
        SealedHousehold sealed = resolve(dpo, ERASE, token);
        Optional<HouseholdErasure.Erasure> erasure = store.inTransaction(repositories -> erasures.erase(repositories,
                sealed.householdId(), dpo.username(), checked));
        record(dpo, ERASE, AccessPolicy.ERASED, sealed.householdId());
        if (erasure.isEmpty()) {
            throw AccessPolicy.erased();
        }
        store.purgeDeleted();
        LOG.info("Household {} erased at a data-subject request; {} stored event(s) redacted", sealed.householdId(),
                erasure.get().eventsRedacted());
        return erasure.get();
    }

    /**
     * Restricts the processing of the household of {@code token} ({@link HouseholdRestrictions}): caseworkers' lookups
     * answer FORBIDDEN {@code RESTRICTED} and its referrals are suspended until it is lifted.
     *
     * @throws Refusal INVALID {@code INVALID_REASON}; NOT_FOUND, GONE {@code ERASED}; CONFLICT
     *                 {@code ALREADY_RESTRICTED}
     */
    public HouseholdRestriction restrict(SignedInUser dpo, String token, String reason) {
        String checked = reason(dpo, RESTRICT, reason);
        SealedHousehold sealed = resolve(dpo, RESTRICT, token);
        HouseholdRestriction restriction = change(dpo, RESTRICT, sealed, repositories -> restrictions.restrict(
                repositories, sealed.householdId(), dpo.username(), checked));
        LOG.info("Household {} restricted at a data-subject request", sealed.householdId());
        return restriction;
    }

    /**
     * Lifts the restriction of the household of {@code token} and applies the kiosk's changes held under it
     * ({@link HouseholdRestrictions#lift}).
     *
     * @throws Refusal INVALID {@code INVALID_REASON}; NOT_FOUND, GONE {@code ERASED}; CONFLICT {@code NOT_RESTRICTED}
     */
    public HouseholdRestrictions.Lifted lift(SignedInUser dpo, String token, String reason) {
        String checked = reason(dpo, LIFT, reason);
        SealedHousehold sealed = resolve(dpo, LIFT, token);
        HouseholdRestrictions.Lifted lifted = change(dpo, LIFT, sealed, repositories -> restrictions.lift(repositories,
                sealed.householdId(), dpo.username(), checked));
        LOG.info("Household {} restriction lifted at a data-subject request", sealed.householdId());
        return lifted;
    }

    /**
     * Corrects the household of {@code token} at the person's request: {@code household} is the whole household as
     * it should read (the export's {@code household}), validated as the kiosk validates a registration; it replaces
     * the one held, sealed anew, and the history names the fields that changed. Returns when.
     *
     * @throws Refusal INVALID {@code INVALID_REASON} / {@code INVALID_HOUSEHOLD} (naming the fields); NOT_FOUND, GONE
     *                 {@code ERASED}
     */
    public java.time.Instant correct(SignedInUser dpo, String token, String reason, JsonNode household) {
        String checked = reason(dpo, CORRECT, reason);
        SealedHousehold sealed = resolve(dpo, CORRECT, token);
        Household changed;
        try {
            // One day of slack on "not in the future", as for a kiosk's change: the person's date may be ahead of UTC.
            changed = HouseholdJson.read(household, catalogue, LocalDate.now(clock).plusDays(1));
        } catch (InvalidRegistrationException e) {
            record(dpo, CORRECT, "INVALID_HOUSEHOLD", sealed.householdId());
            String fields = String.join(", ", e.problems().stream().map(FieldProblem::field).toList());
            throw new Refusal(Refusal.Kind.INVALID, "INVALID_HOUSEHOLD", "The corrected household is not valid: "
                    + fields + ". Correct these fields and send it again.", Map.of("problems", fields));
        }
        java.time.Instant at = change(dpo, CORRECT, sealed, repositories -> correction.correct(repositories,
                sealed.householdId(), dpo.username(), checked, changed));
        LOG.info("Household {} corrected at a data-subject request", sealed.householdId());
        return at;
    }

    /** Makes a change in one transaction and records it; a refused change is recorded with its reason. */
    private <T> T change(SignedInUser dpo, String action, SealedHousehold sealed,
                         java.util.function.Function<Repositories, T> work) {
        T done;
        try {
            done = store.inTransaction(work);
        } catch (Refusal refused) {
            record(dpo, action, refused.reason(), sealed.householdId());
            throw refused;
        }
        record(dpo, action, DONE, sealed.householdId());
        return done;
    }

    /** The reason a change gives, stripped; refused (and recorded) unless it is 1 to 500 characters on one line. */
    private String reason(SignedInUser dpo, String action, String reason) {
        if (blank(reason) || reason.strip().length() > MAX_REASON
                || reason.strip().chars().anyMatch(Character::isISOControl)) {
            record(dpo, action, "INVALID_REASON", null);
            throw new Refusal(Refusal.Kind.INVALID, "INVALID_REASON", "Say why (the request's reference), on one "
                    + "line of at most " + MAX_REASON + " characters.", Map.of("max", MAX_REASON));
        }
        return reason.strip();
    }

    /** The household a token names, now or before a reissue; refused (and recorded) if none or erased. */
    private SealedHousehold resolve(SignedInUser dpo, String action, String token) {
        TokenId id;
        try {
            id = tokens.tokenOf(token);
        } catch (Refusal refused) {
            record(dpo, action, refused.reason(), null);
            throw refused;
        }
        projector.catchUpIfBehind();
        Optional<SealedHousehold> sealed = store.read(repositories -> HouseholdFinder.householdOf(repositories, id)
                .flatMap(household -> repositories.households().findById(household)));
        if (sealed.isEmpty()) {
            record(dpo, action, "NOT_FOUND", null);
            throw new Refusal(Refusal.Kind.NOT_FOUND, "NOT_FOUND", "No household with this token has reached the "
                    + "hub. If it was registered today, the kiosk may not have synced.");
        }
        if (sealed.get().erased()) {
            record(dpo, action, AccessPolicy.ERASED, sealed.get().householdId());
            throw AccessPolicy.erased();
        }
        return sealed.get();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Never what was searched for: the access log holds no personal data. */
    private void record(SignedInUser dpo, String action, String outcome, UUID householdId) {
        audit.record(new AccessRecord(clock.instant(), dpo.username(), action, outcome, householdId));
    }
}

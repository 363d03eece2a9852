package org.threshold.hub.app.dsr;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.access.GlassBreakReasons;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.household.HistoryEntry;
import org.threshold.hub.app.household.HouseholdFinder;
import org.threshold.hub.app.household.HouseholdProjector;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.household.TokenLookup;
import org.threshold.hub.app.referral.ReferralRecord;

/**
 * The data protection officer's requests on behalf of a person (issue 12 §3): find everything the hub holds on them,
 * export it, erase it. The route admits the DPO alone; every request, found or not, goes to the access log (never
 * what was searched for) before the answer is given. Erasure crypto-shreds the household: its wrapped data key and
 * sealed data, its search terms, and the sealed payloads of the kiosk events that carried its data (each keeps its
 * header and hash, which is all its kiosk's chain needs), then purges what the database keeps of deleted rows.
 * Thread-safe.
 */
public final class DataSubjectRequests {
    public static final String SEARCH = "dsr-search";
    public static final String EXPORT = "dsr-export";
    public static final String ERASE = "dsr-erase";
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

    public DataSubjectRequests(HubStore store, HouseholdVault vault, HouseholdProjector projector, TokenLookup tokens,
                               HouseholdFinder finder, AccessAudit audit, Clock clock) {
        this.finder = finder;
        this.store = store;
        this.vault = vault;
        this.projector = projector;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything the hub holds on a household: the household itself, its history and its referrals. */
    public record Export(HouseholdRecord household, List<HistoryEntry> history, List<ReferralRecord> referrals) {
        @Override
        public String toString() {
            return "Export[" + household + "]";
        }
    }

    /** What an erasure did: which household, when, and how many of its kiosk events lost their payload. */
    public record Erasure(UUID householdId, java.time.Instant at, int eventsRedacted) {
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
                repositories.referrals().forHousehold(sealed.householdId())));
        record(dpo, EXPORT, TokenLookup.FOUND, sealed.householdId());
        return export;
    }

    /**
     * Crypto-shreds the household of {@code token}; afterwards its tokens answer GONE {@code ERASED}.
     *
     * @param reason why (the request's reference, not the person's words): 1 to 500 characters on one line
     * @throws Refusal INVALID {@code INVALID_REASON}; NOT_FOUND, GONE {@code ERASED} if it was already
     */
    public Erasure erase(SignedInUser dpo, String token, String reason) {
        if (blank(reason) || reason.strip().length() > MAX_REASON || reason.strip().chars().anyMatch(Character::isISOControl)) {
            record(dpo, ERASE, "INVALID_REASON", null);
            throw new Refusal(Refusal.Kind.INVALID, "INVALID_REASON", "Say why the household is erased (the "
                    + "request's reference), on one line of at most " + MAX_REASON + " characters.",
                    Map.of("max", MAX_REASON));
        }
        SealedHousehold sealed = resolve(dpo, ERASE, token);
        java.time.Instant at = clock.instant();
        Erasure erasure = store.inTransaction(repositories -> {
            if (!repositories.households().erase(sealed.householdId(), at)) {
                return null;
            }
            // An officer's reason for breaking the glass on it may name its people: it goes too (who, when, stay).
            repositories.glassBreaks().replaceReasons(sealed.householdId(), GlassBreakReasons.ERASED);
            return new Erasure(sealed.householdId(), at, redactEvents(repositories, sealed));
        });
        if (erasure == null) {
            record(dpo, ERASE, TokenLookup.ERASED, sealed.householdId());
            throw TokenLookup.erased();
        }
        store.purgeDeleted();
        record(dpo, ERASE, TokenLookup.ERASED, sealed.householdId());
        LOG.info("Household {} erased at a data-subject request; {} kiosk event(s) redacted", sealed.householdId(),
                erasure.eventsRedacted());
        return erasure;
    }

    /** Cuts each kiosk event that carried the household's data down to its header; returns how many. */
    private static int redactEvents(Repositories repositories, SealedHousehold household) {
        Set<UUID> events = new LinkedHashSet<>();
        events.add(household.eventId());
        repositories.householdHistory().of(household.householdId()).forEach(entry -> events.add(entry.eventId()));
        repositories.referrals().forHousehold(household.householdId())
                .forEach(referral -> events.add(referral.eventId()));
        Map<UUID, byte[]> redacted = new HashMap<>();
        repositories.events().envelopes(events).forEach((id, envelope) -> {
            try {
                redacted.put(id, SignedEvent.decode(envelope).header().encode());
            } catch (MalformedEncodingException alreadyRedacted) {
                // Its header alone no longer decodes as an envelope: nothing left to cut.
            }
        });
        repositories.events().redact(redacted);
        return redacted.size();
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
            record(dpo, action, TokenLookup.ERASED, sealed.get().householdId());
            throw TokenLookup.erased();
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

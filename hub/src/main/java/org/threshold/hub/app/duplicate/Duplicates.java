package org.threshold.hub.app.duplicate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.ServiceDirectory;
import org.threshold.core.referral.VisibleHousehold;
import org.threshold.core.registration.Household;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.household.StoredHousehold;
import org.threshold.hub.app.household.TokenLookup;
import org.threshold.hub.app.report.ReportProjection;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.app.referral.ReferralRecord;

/**
 * The supervisors' queue of potential duplicates ({@link DuplicateDetection} fills it) and their decisions, each a
 * hub event, signed and chained ({@link HubEvents}), applied in the same transaction: a dismissal
 * ({@code DuplicateDismissed}, NOT_DUPLICATE); a merge ({@code HouseholdsMerged}, MERGED), which gives the merged
 * household's referrals to the survivor, their people carried to their places in its list ({@link MemberMatch}), and
 * makes its tokens open the survivor; and an unmerge ({@code HouseholdsUnmerged}, OPEN again), which gives back
 * exactly the referrals the merge moved, naming their people as requested, and ends the redirection. Who may is the
 * {@link AccessPolicy}'s; the list names no one, and each household shown is logged. Thread-safe.
 */
public final class Duplicates {
    /** The access log's name for showing a pair's households to a decider. */
    public static final String READ = "duplicate-read";
    /** The longest list asked for at once. */
    public static final int MAX_LIST = 200;

    private static final ServiceDirectory SERVICES = ReferralData.bundled().services();

    private final HubStore store;
    private final HubEvents events;
    private final AccessPolicy policy;
    private final HouseholdVault vault;
    private final AccessAudit audit;
    private final Clock clock;

    public Duplicates(HubStore store, HubEvents events, AccessPolicy policy, HouseholdVault vault, AccessAudit audit,
                      Clock clock) {
        this.store = store;
        this.events = events;
        this.policy = policy;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** One household of a pair as the policy lets a decider see it; {@code people} is null if it was erased. */
    public record Side(UUID householdId, HouseholdRecord record, VisibleHousehold people, Optional<UUID> mergedInto) {
        @Override
        public String toString() {
            return "Side[" + householdId + "]";
        }
    }

    /** A pair with both its households. */
    public record PairView(DuplicatePair pair, Side a, Side b) {
    }

    /**
     * Up to {@code limit} (1 to {@link #MAX_LIST}) pairs in {@code status}, oldest first: ids, scores and reasons.
     *
     * @throws Refusal FORBIDDEN {@code DUPLICATE_DECIDERS_ONLY}
     */
    public List<DuplicatePair> list(SignedInUser user, DuplicateStatus status, int limit) {
        policy.requireDuplicateDecider(user);
        return store.read(repositories -> repositories.duplicates().list(status, Math.max(1,
                Math.min(limit, MAX_LIST))));
    }

    /**
     * A pair with what the policy shows of its two households, each read recorded in the access log.
     *
     * @throws Refusal FORBIDDEN {@code DUPLICATE_DECIDERS_ONLY}; NOT_FOUND {@code NO_SUCH_DUPLICATE}
     */
    public PairView show(SignedInUser user, UUID pairId) {
        policy.requireDuplicateDecider(user);
        PairView view = store.read(repositories -> {
            DuplicatePair pair = pair(repositories, pairId);
            return new PairView(pair, side(user, repositories, pair.householdA()),
                    side(user, repositories, pair.householdB()));
        });
        for (Side side : List.of(view.a(), view.b())) {
            audit.record(new AccessRecord(clock.instant(), user.username(), READ,
                    side.people() == null ? AccessPolicy.ERASED : TokenLookup.FOUND, side.householdId()));
        }
        return view;
    }

    /**
     * The pair is two households after all: NOT_DUPLICATE.
     *
     * @throws Refusal FORBIDDEN; NOT_FOUND {@code NO_SUCH_DUPLICATE}; CONFLICT {@code ALREADY_MERGED} (unmerge it
     *                  first) or {@code ALREADY_DISMISSED}
     */
    public DuplicatePair dismiss(SignedInUser user, UUID pairId) {
        policy.requireDuplicateDecider(user);
        return store.inTransaction(repositories -> {
            HubEvents.Appender chain = events.lock(repositories);
            DuplicatePair pair = open(repositories, pairId);
            SignedEvent event = chain.append(DuplicateEvents.dismissed(pair, events.now(), user.username()));
            return decide(repositories, pair, DuplicateStatus.NOT_DUPLICATE, event.header().recordedAt(), user);
        });
    }

    /**
     * {@code merged} becomes part of {@code survivor}, the pair's two households: its referrals move to the survivor
     * (but those to a service only the person's own consent opens, GBV, which stay with the registration that records
     * that consent) and its tokens open the survivor from now on.
     *
     * @throws Refusal FORBIDDEN; NOT_FOUND {@code NO_SUCH_DUPLICATE}; INVALID {@code SAME_HOUSEHOLD} or
     *                  {@code NOT_IN_PAIR}; CONFLICT {@code ALREADY_MERGED} (the pair, or either household in another
     *                  merge) or {@code ALREADY_DISMISSED}; GONE {@code ERASED}
     */
    public DuplicatePair merge(SignedInUser user, UUID pairId, UUID survivor, UUID merged) {
        policy.requireDuplicateDecider(user);
        if (survivor.equals(merged)) {
            throw new Refusal(Refusal.Kind.INVALID, "SAME_HOUSEHOLD", "A household cannot be merged with itself: "
                    + "name the pair's two households, the one that stays and the one merged into it.");
        }
        return store.inTransaction(repositories -> {
            HubEvents.Appender chain = events.lock(repositories);
            DuplicatePair pair = open(repositories, pairId);
            if (!pair.names(survivor) || !pair.names(merged)) {
                throw new Refusal(Refusal.Kind.INVALID, "NOT_IN_PAIR", "Name this pair's two households: "
                        + pair.householdA() + " and " + pair.householdB() + ".",
                        Map.of("a", pair.householdA().toString(), "b", pair.householdB().toString()));
            }
            SealedHousehold stays = present(repositories, survivor);
            SealedHousehold goes = present(repositories, merged);
            if (repositories.duplicates().mergeOf(survivor).isPresent()
                    || repositories.duplicates().mergeOf(merged).isPresent()) {
                throw alreadyMerged();
            }
            // A referral names its people by their place in its household's list: it moves only with each of them
            // carried to their place in the survivor's, and stays with the registration it was made for if one of them
            // is not reliably a survivor member. A GBV referral stands on one person's own consent, recorded on that
            // registration: it stays.
            MemberMatch match = new MemberMatch(open(goes), open(stays));
            Map<UUID, List<ReferredPerson>> carried = new LinkedHashMap<>();
            for (ReferralRecord referral : repositories.referrals().forHousehold(merged)) {
                if (!SERVICES.require(referral.service()).personalConsentOnly()) {
                    match.carry(referral.people()).ifPresent(people -> carried.put(referral.referralId(), people));
                }
            }
            List<UUID> moved = List.copyOf(carried.keySet());
            SignedEvent event = chain.append(DuplicateEvents.merged(pairId, survivor, merged, moved,
                    goes.tokenId().shortCode(), events.now(), user.username()));
            Instant at = event.header().recordedAt();
            repositories.referrals().moveToHousehold(moved, survivor);
            repositories.referrals().replacePeople(carried);
            repositories.duplicates().recordMerge(new HouseholdMerge(merged, survivor, pairId, moved,
                    event.header().eventId(), at));
            ReportProjection.merged(repositories, merged);
            return decide(repositories, pair, DuplicateStatus.MERGED, at, user);
        });
    }

    /**
     * Undoes the pair's merge exactly: the referrals it moved go back, the merged household's tokens open it again,
     * and the pair is OPEN for a new decision.
     *
     * @throws Refusal FORBIDDEN; NOT_FOUND {@code NO_SUCH_DUPLICATE}; CONFLICT {@code NOT_MERGED}, or
     *                  {@code SURVIVOR_MERGED} while the survivor is itself merged into a third household (undo that
     *                  first)
     */
    public DuplicatePair unmerge(SignedInUser user, UUID pairId) {
        policy.requireDuplicateDecider(user);
        return store.inTransaction(repositories -> {
            HubEvents.Appender chain = events.lock(repositories);
            DuplicatePair pair = pair(repositories, pairId);
            Optional<HouseholdMerge> found = pair.status() == DuplicateStatus.MERGED
                    ? repositories.duplicates().mergeByPair(pairId) : Optional.empty();
            if (found.isEmpty()) {
                throw new Refusal(Refusal.Kind.CONFLICT, "NOT_MERGED", "This pair is " + pair.status()
                        + ", not merged: there is nothing to undo.", Map.of("status", pair.status().name()));
            }
            HouseholdMerge merge = found.get();
            if (repositories.duplicates().mergeOf(merge.survivorId()).isPresent()) {
                throw new Refusal(Refusal.Kind.CONFLICT, "SURVIVOR_MERGED", "The household this one was merged into "
                        + "has since been merged into another: undo that merge first.");
            }
            SignedEvent event = chain.append(DuplicateEvents.unmerged(merge, events.now(), user.username()));
            repositories.referrals().moveToHousehold(merge.movedReferrals(), merge.mergedId());
            repositories.referrals().replacePeople(requestedPeople(repositories, merge.movedReferrals()));
            repositories.duplicates().removeMerge(merge.mergedId());
            ReportProjection.unmerged(repositories, merge.mergedId());
            return decide(repositories, pair, DuplicateStatus.OPEN, event.header().recordedAt(), user);
        });
    }

    private Side side(SignedInUser user, Repositories repositories, UUID householdId) {
        Optional<UUID> mergedInto = repositories.duplicates().mergeOf(householdId).map(HouseholdMerge::survivorId);
        Optional<SealedHousehold> sealed = repositories.households().findById(householdId);
        if (sealed.isEmpty() || sealed.get().erased()) {
            return new Side(householdId, null, null, mergedInto);
        }
        HouseholdRecord record = vault.open(sealed.get());
        return new Side(householdId, record, policy.duplicateSide(user, record), mergedInto);
    }

    private Household open(SealedHousehold sealed) {
        return StoredHousehold.read(vault.open(sealed));
    }

    /** Each referral's people as its kiosk requested them: places in the list of the household it was made for. */
    private static Map<UUID, List<ReferredPerson>> requestedPeople(Repositories repositories, List<UUID> referralIds) {
        Map<UUID, List<ReferredPerson>> people = new LinkedHashMap<>();
        for (UUID referralId : referralIds) {
            ReferralRecord referral = repositories.referrals().find(referralId).orElseThrow();
            ReferralEventRecord request = repositories.referrals().history(referralId).stream()
                    .filter(event -> event.eventId().equals(referral.eventId())).findFirst().orElseThrow();
            try {
                people.put(referralId, ReferralRequested.fromJson(request.payloadJson()
                        .getBytes(StandardCharsets.UTF_8)).people());
            } catch (MalformedEncodingException e) {
                throw new IllegalStateException("A stored referral request does not read: " + referralId, e);
            }
        }
        return people;
    }

    private static DuplicatePair decide(Repositories repositories, DuplicatePair pair, DuplicateStatus to, Instant at,
                                        SignedInUser user) {
        if (!repositories.duplicates().decide(pair.pairId(), pair.status(), to, at, user.username())) {
            throw new IllegalStateException("Pair " + pair.pairId() + " changed under the hub chain's lock");
        }
        return pair(repositories, pair.pairId());
    }

    /** The pair, if it still waits for a decision. */
    private static DuplicatePair open(Repositories repositories, UUID pairId) {
        DuplicatePair pair = pair(repositories, pairId);
        return switch (pair.status()) {
            case OPEN -> pair;
            case MERGED -> throw alreadyMerged();
            case NOT_DUPLICATE -> throw new Refusal(Refusal.Kind.CONFLICT, "ALREADY_DISMISSED", "This pair was "
                    + "already found not to be a duplicate.");
        };
    }

    private static DuplicatePair pair(Repositories repositories, UUID pairId) {
        return repositories.duplicates().find(pairId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                "NO_SUCH_DUPLICATE", "There is no such potential duplicate. Reload the list."));
    }

    private static SealedHousehold present(Repositories repositories, UUID householdId) {
        SealedHousehold household = repositories.households().findById(householdId)
                .orElseThrow(() -> new IllegalStateException("A pair names household " + householdId
                        + ", which the store does not hold"));
        if (household.erased()) {
            throw AccessPolicy.erased();
        }
        return household;
    }

    private static Refusal alreadyMerged() {
        return new Refusal(Refusal.Kind.CONFLICT, "ALREADY_MERGED", "One of these households is already merged. "
                + "Undo that merge first if it was wrong.");
    }
}

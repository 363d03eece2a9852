package org.threshold.hub.app.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.access.ReferralView;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.household.HouseholdProjector;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.referral.QueueRepository.ChangeMark;
import org.threshold.hub.app.referral.QueueRepository.QueueCursor;
import org.threshold.hub.app.referral.QueueRepository.QueuePage;

/**
 * What caseworkers read of referrals: a service's queue a page at a time, one referral with its history, and the
 * counts and change mark a queue page shows and polls. A referral of a household whose processing is restricted shows
 * in its queue as suspended, without its people; opening it is refused. What each user sees is the {@link AccessPolicy}'s; every
 * household shown is in the access log, committed before the answer (a page as one record naming its households). No
 * read returns more than {@link #MAX_PAGE} households. Thread-safe.
 */
public final class ReferralQueues {
    /** The most referrals (so households) one page shows. */
    public static final int MAX_PAGE = 50;
    /** The access log's name for a queue page (one record naming the households it showed). */
    public static final String QUEUE_ACTION = "referral-queue";
    /** The access log's name for a household shown with one referral. */
    public static final String READ_ACTION = "referral-read";
    private static final String FOUND = "FOUND";
    private static final Logger LOG = LoggerFactory.getLogger(ReferralQueues.class);

    private final HouseholdProjector projector;
    private final HubStore store;
    private final HouseholdVault vault;
    private final AccessPolicy policy;
    private final AccessAudit audit;
    private final Clock clock;

    public ReferralQueues(HouseholdProjector projector, HubStore store, HouseholdVault vault, AccessPolicy policy,
                          AccessAudit audit, Clock clock) {
        this.projector = projector;
        this.vault = vault;
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of referrals as the user sees them, and where the next page starts. */
    public record Page(List<ReferralView> referrals, Optional<QueueCursor> next) {
        public Page {
            referrals = List.copyOf(referrals);
        }
    }

    /** One referral as the user sees it, with its history oldest first. */
    public record Detail(ReferralView view, List<ReferralEventRecord> history) {
        public Detail {
            history = List.copyOf(history);
        }
    }

    /**
     * The referrals to {@code service} (or to every service the user may see), in {@code status} if given, soonest
     * due first, after {@code after}; at most {@code limit}, capped at {@link #MAX_PAGE}.
     *
     * @throws Refusal FORBIDDEN {@code NOT_YOUR_SERVICE} / {@code NO_HOUSEHOLD_DATA}, INVALID {@code UNKNOWN_SERVICE}
     */
    public Page page(SignedInUser user, Optional<String> service, Optional<ReferralStatus> status,
                     Optional<QueueCursor> after, int limit) {
        Set<String> services = policy.queueServices(user, service);
        int capped = Math.max(1, Math.min(limit, MAX_PAGE));
        // The page with its households, which of them are restricted, and whether the projector is behind, in one
        // read: not a round trip per referral, nor one for the check. A kiosk's referrals reach the store through the
        // projector: once a sync was answered, the queue shows them, so a page read behind is read again after it.
        QueuePage found = readPage(services, status, after, capped);
        if (found.projectionBehind()) {
            projector.catchUpIfBehind();
            found = readPage(services, status, after, capped);
        }
        List<Shown> shown = new ArrayList<>();
        for (ReferralRecord referral : found.referrals()) {
            SealedHousehold household = found.households().get(referral.householdId());
            if (household == null) {
                // Its registration was skipped by the projector (see projection_failures): nobody to show.
                LOG.warn("Referral {} names a household the hub does not hold; left out of the queue",
                        referral.referralId());
            } else if (!household.erased()) {
                // An erased household (at the person's request) has nothing of them left to show.
                shown.add(new Shown(referral, household));
            }
        }
        // One record for the page, naming each household with the service whose referral showed it. The log's flush
        // overlaps the opening of the households; nothing is answered before it is committed.
        AccessAudit.Commit logged = audit.submitAll(shown.isEmpty() ? List.of() : List.of(pageRecord(user, shown)));
        Instant now = clock.instant();
        List<ReferralView> views = new ArrayList<>();
        for (Shown row : shown) {
            views.add(policy.referral(user, row.referral(), vault.open(row.household()), now,
                    found.restricted().contains(row.referral().householdId())));
        }
        logged.await();
        return new Page(views, found.next());
    }

    private QueuePage readPage(Set<String> services, Optional<ReferralStatus> status, Optional<QueueCursor> after,
                               int limit) {
        return store.read(repositories -> repositories.queues().page(services, status, after, limit,
                HouseholdProjector.PROJECTION));
    }

    /**
     * One referral with its history.
     *
     * @throws Refusal NOT_FOUND {@code NO_SUCH_REFERRAL}; FORBIDDEN {@code NOT_YOUR_SERVICE} / {@code RESTRICTED}
     *                 (but to a protection officer who broke the glass on the household); GONE {@code ERASED}
     */
    public Detail find(SignedInUser user, UUID referralId) {
        record Found(ReferralRecord referral, Optional<SealedHousehold> household, List<ReferralEventRecord> history,
                     boolean restricted) {
        }
        Set<String> visible = policy.referralServices(user);
        projector.catchUpIfBehind();
        Found found = store.read(repositories -> repositories.referrals().find(referralId)
                .map(referral -> new Found(referral, repositories.households().findById(referral.householdId()),
                        repositories.referrals().history(referralId),
                        repositories.restrictions().find(referral.householdId()).isPresent()))
                .orElse(null));
        // A referral of another service is answered as one that does not exist: its id tells nothing.
        if (found == null || found.household().isEmpty() || !visible.contains(found.referral().service())) {
            throw noSuchReferral();
        }
        if (found.household().get().erased()) {
            recordOutcome(user, found.referral().householdId(), AccessPolicy.ERASED);
            throw AccessPolicy.erased();
        }
        try {
            policy.requireReadable(user, found.referral().householdId(), found.restricted());
        } catch (Refusal refused) {
            recordOutcome(user, found.referral().householdId(), refused.reason());
            throw refused;
        }
        ReferralView view = policy.referral(user, found.referral(), vault.open(found.household().get()),
                clock.instant(), found.restricted());
        recordShown(user, view);
        return new Detail(view, found.history());
    }

    /**
     * How many referrals of the queue are in each status (no personal data, so not in the access log).
     *
     * @throws Refusal as {@link #page}
     */
    public Map<ReferralStatus, Long> counts(SignedInUser user, Optional<String> service) {
        Set<String> services = policy.queueServices(user, service);
        return store.read(repositories -> repositories.queues().countsByStatus(services));
    }

    /**
     * The queue's change mark: it moves whenever one of its referrals arrives, changes or leaves, through any hub
     * instance. A queue page polls it (cheaply: one row per service) and reloads when it moves.
     *
     * @throws Refusal as {@link #page}
     */
    public ChangeMark lastChange(SignedInUser user, Optional<String> service) {
        Set<String> services = policy.queueServices(user, service);
        return store.read(repositories -> repositories.queues().lastChange(services));
    }

    static Refusal noSuchReferral() {
        return new Refusal(Refusal.Kind.NOT_FOUND, "NO_SUCH_REFERRAL", "There is no such referral among those "
                + "you may see.");
    }

    /** A referral read that showed nothing of its household, and why. */
    private void recordOutcome(SignedInUser user, UUID householdId, String outcome) {
        audit.record(new AccessRecord(clock.instant(), user.username(), READ_ACTION, outcome, householdId));
    }

    /** The household shown, committed before anything is answered. */
    private void recordShown(SignedInUser user, ReferralView view) {
        audit.record(new AccessRecord(clock.instant(), user.username(), READ_ACTION, FOUND,
                view.household().householdId()));
    }

    /** A page's one record: each household once per service whose referrals showed it, in the page's order. */
    private AccessRecord pageRecord(SignedInUser user, List<Shown> rows) {
        Set<AccessRecord.Shown> named = new LinkedHashSet<>();
        for (Shown row : rows) {
            named.add(new AccessRecord.Shown(row.household().householdId(), row.referral().service()));
        }
        return new AccessRecord(clock.instant(), user.username(), QUEUE_ACTION, FOUND, null, List.copyOf(named));
    }

    private record Shown(ReferralRecord referral, SealedHousehold household) {
    }
}

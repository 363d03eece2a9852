package org.threshold.hub.app.dsr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.ReferralRedaction;

/**
 * Keeps personal data no longer than {@link RetentionPeriods} says (issue 12 §4): once a day it anonymises the
 * referrals closed longer than their period (takes out their notes and reasons, {@link ReferralRedaction}, and cuts the
 * hub events that carried them) and erases the households inactive longer than theirs ({@link HouseholdErasure}, as a
 * data-subject request would, with a {@code HouseholdErased} tombstone). Every action goes to the access log, by
 * household, as its own record. The data protection officer reads what it would do now ({@link #plan}) and may run it
 * at once ({@link #runNow}).
 *
 * <p><b>Several hub instances.</b> Each batch is one transaction that first takes the retention turn
 * ({@link RetentionRepository#tryTakeTurn}); an instance that cannot take it stops, leaving the work to the one that
 * has it. A batch reads what is left to do inside its transaction, so two runs never act twice on one record.
 * Thread-safe.
 */
public final class RetentionJob implements AutoCloseable {
    /** Who the access log says acted. */
    public static final String ACTOR = "retention-job";
    public static final String ERASE = "retention-erase";
    public static final String ANONYMISE = "retention-anonymise";
    public static final String PLAN = "retention-plan";
    public static final String RUN = "retention-run";
    /** The most records of each kind the plan names. */
    public static final int PREVIEW = 100;
    private static final String DONE = "DONE";
    private static final Duration DAILY = Duration.ofDays(1);
    // After a start, so a restarted hub serves first; often enough that a restart loop still runs it.
    private static final Duration FIRST_RUN = Duration.ofMinutes(10);
    // Small enough to hold the write lock briefly; an erasure costs a few statements per referral and event.
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final HubStore store;
    private final HouseholdErasure erasure;
    private final AccessAudit audit;
    private final RetentionPeriods periods;
    private final Clock clock;
    private final ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "retention-job");
        thread.setDaemon(true);
        return thread;
    });

    public RetentionJob(HubStore store, HouseholdErasure erasure, AccessAudit audit, RetentionPeriods periods,
                        Clock clock) {
        this.store = store;
        this.erasure = erasure;
        this.audit = audit;
        this.periods = periods;
        this.clock = clock;
    }

    /**
     * What a run would do now, none of it done: the referrals it would anonymise and the households it would erase,
     * at most {@link #PREVIEW} of each (ids only; {@code more} says there are others).
     */
    public record Plan(RetentionPeriods periods, Instant closedBefore, Instant inactiveSince, List<UUID> referrals,
                       boolean moreReferrals, List<UUID> households, boolean moreHouseholds) {
        public Plan {
            referrals = List.copyOf(referrals);
            households = List.copyOf(households);
        }
    }

    /** What a run did. */
    public record Outcome(int referralsAnonymised, int householdsErased) {
    }

    /** Runs every day from a little after now, until closed. */
    public void start() {
        daily.scheduleAtFixedRate(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.error("The retention job stopped at a failure ({}); it runs again tomorrow, or when the DPO runs "
                        + "it", e.getClass().getSimpleName());
            }
        }, FIRST_RUN.toMillis(), DAILY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The dry run, for the data protection officer; recorded in the access log. */
    public Plan plan(SignedInUser dpo) {
        return plan(dpo.username());
    }

    /** The dry run, recorded in the access log as {@code actor}'s (the DPO, or the command line's user). */
    public Plan plan(String actor) {
        Instant now = clock.instant();
        Instant closedBefore = closedBefore(now);
        Instant inactiveSince = inactiveSince(now);
        Plan plan = store.read(repositories -> {
            List<UUID> referrals = repositories.referrals().closedBefore(closedBefore, PREVIEW + 1).stream()
                    .map(ReferralRecord::referralId).toList();
            List<UUID> households = repositories.households().inactiveSince(inactiveSince, PREVIEW + 1);
            return new Plan(periods, closedBefore, inactiveSince, first(referrals), referrals.size() > PREVIEW,
                    first(households), households.size() > PREVIEW);
        });
        audit.record(new AccessRecord(now, actor, PLAN, DONE, null));
        return plan;
    }

    /** Runs it now at the data protection officer's request; recorded in the access log. */
    public Outcome runNow(SignedInUser dpo) {
        return runNow(dpo.username());
    }

    /** Runs it now, recorded in the access log as {@code actor}'s (the DPO, or the command line's user). */
    public Outcome runNow(String actor) {
        Outcome outcome = run();
        audit.record(new AccessRecord(clock.instant(), actor, RUN, DONE, null));
        return outcome;
    }

    /** Anonymises, then erases, in batches, as long as this instance holds the turn and anything is left. */
    Outcome run() {
        Instant now = clock.instant();
        int anonymised = 0;
        for (int batch = anonymise(closedBefore(now)); batch > 0; batch = anonymise(closedBefore(now))) {
            anonymised += batch;
        }
        int erased = 0;
        for (int batch = erase(inactiveSince(now)); batch > 0; batch = erase(inactiveSince(now))) {
            erased += batch;
        }
        if (anonymised + erased > 0) {
            store.purgeDeleted();
            LOG.info("Retention: {} referral(s) anonymised, {} household(s) erased", anonymised, erased);
        }
        return new Outcome(anonymised, erased);
    }

    /** One batch of closed referrals; how many it anonymised (0 when done, or another instance has the turn). */
    private int anonymise(Instant closedBefore) {
        List<ReferralRecord> done = store.inTransaction(repositories -> {
            if (!repositories.retention().tryTakeTurn()) {
                return List.<ReferralRecord>of();
            }
            Instant at = clock.instant();
            List<ReferralRecord> referrals = repositories.referrals().closedBefore(closedBefore, BATCH);
            for (ReferralRecord referral : referrals) {
                List<UUID> events = new ArrayList<>(ReferralRedaction.redact(repositories, referral.referralId(), at,
                        ReferralRedaction.RETENTION));
                // The kiosk's request names codes, not words, and the household it belongs to is still held.
                events.remove(referral.eventId());
                erasure.cutToHeaders(repositories, events);
            }
            return referrals;
        });
        Instant at = clock.instant();
        audit.recordAll(done.stream().map(referral -> new AccessRecord(at, ACTOR, ANONYMISE, DONE,
                referral.householdId())).toList());
        return done.size();
    }

    /** One batch of inactive households; how many it erased (0 when done, or another instance has the turn). */
    private int erase(Instant inactiveSince) {
        String reason = "retention: no activity for " + periods.inactiveHouseholdsDays() + " days";
        List<UUID> done = store.inTransaction(repositories -> {
            if (!repositories.retention().tryTakeTurn()) {
                return List.<UUID>of();
            }
            List<UUID> erased = new ArrayList<>();
            for (UUID household : repositories.households().inactiveSince(inactiveSince, BATCH)) {
                erasure.erase(repositories, household, ACTOR, reason).ifPresent(gone -> erased.add(household));
            }
            return erased;
        });
        Instant at = clock.instant();
        audit.recordAll(done.stream().map(household -> new AccessRecord(at, ACTOR, ERASE, DONE, household)).toList());
        return done.size();
    }

    private Instant closedBefore(Instant now) {
        return now.minus(Duration.ofDays(periods.closedReferralsDays()));
    }

    private Instant inactiveSince(Instant now) {
        return now.minus(Duration.ofDays(periods.inactiveHouseholdsDays()));
    }

    private static <T> List<T> first(List<T> list) {
        return list.subList(0, Math.min(PREVIEW, list.size()));
    }

    @Override
    public void close() {
        daily.shutdownNow();
    }
}

package org.threshold.hub.app.household;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.FieldProblem;
import org.threshold.core.registration.HouseholdChange;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.report.HouseholdFacts;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.duplicate.DuplicateDetection;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.referral.ConsentWithdrawal;
import org.threshold.hub.app.referral.ReferralProjection;
import org.threshold.hub.app.referral.RequestedReferrals;
import org.threshold.hub.app.referral.ReferralRepository.NewReferral;
import org.threshold.hub.app.report.ReportProjection;
import org.threshold.hub.app.report.ReportRepository;
import org.threshold.hub.app.sync.StoredEvent;
import org.threshold.hub.deployment.HubKeys;

/**
 * Opens stored events and projects them into the households read model and the referral store. Opening a sealed
 * payload costs about 0.2 ms, too much to do inside ingest, so a background worker does it after each ingest (and every
 * {@link #TICK}, for events another hub instance stored), on every core, in projection order from a persisted
 * cursor (a restarted hub resumes where it stopped). A lookup that must see the latest sync calls
 * {@link #catchUpIfBehind()} itself. An event that cannot be opened or read is recorded as a projection failure
 * and skipped, so it never holds up the others. Each event type is projected by its own method in
 * {@link #project}; a new type is a new case there. A registration adds a household and queues its potential
 * duplicates ({@link DuplicateDetection}); a change event (reprint, reissue, correction, consent) is folded into its
 * household by {@link HouseholdChanges}, in projection order, in the same transaction that moves the cursor.
 *
 * <p><b>Several hub instances.</b> One projector at a time across instances: each step first takes the turn in the
 * database ({@code ProjectionRepository.tryTakeTurn}); an instance that cannot take it leaves the work to the one
 * that has it. The cursor must never skip an event another instance committed late: storage positions come from a
 * sequence given out at insert time, so a transaction that took position 100 may commit after one that took 101,
 * and a cursor at 101 would never see 100. So the cursor runs over a second number, the projection sequence, which
 * only the projector hands out, while it holds the turn, to events already committed, in one transaction with
 * no gap: whatever commits later gets a later number. Moving the cursor is a compare-and-set in the same
 * transaction as the households it stands for, so a chunk is projected exactly once even if two instances ever
 * opened it. (PostgreSQL's commit-order alternatives, xid snapshots or logical decoding, tie the store to one
 * database; this works the same on SQLite.)
 *
 * <p>Ingest goes first: on a two-core hub, opening payloads while kiosks are sending would take the cores and the
 * write lock from them (a kiosk's batch waited seconds behind a chunk's transaction), so the worker starts a chunk
 * only once ingest has been quiet for a moment, or after {@link #BURST_LAG} of a burst, and its openers step aside
 * (at most {@link #GIVE_WAY} per chunk) while a batch is being ingested. Thread-safe.
 */
public final class HouseholdProjector implements AutoCloseable {
    /** The households projection's name for its cursor. */
    public static final String PROJECTION = "households";
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdProjector.class);
    // Large enough that a peak day's backlog costs few commits; small enough to free the write lock often.
    private static final int CHUNK = 1_024;
    private static final Duration GIVE_WAY = Duration.ofSeconds(1);
    // Ingest goes first through a burst of batches: the worker waits that long at most before each chunk, so the
    // projection lags a few seconds during a burst and catches up after it.
    private static final Duration BURST_LAG = Duration.ofSeconds(3);
    // Opening a payload takes about 0.2 ms: ingest waits at most ~6 ms for a slice to finish.
    private static final int SLICE = 32;
    private static final Duration TICK = Duration.ofSeconds(2);
    private static final int OPENERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final HubStore store;
    private final HubKeys keys;
    private final NeedsCatalogue catalogue;
    private final Clock clock;
    private final IngestPriority ingest;
    private final HouseholdChanges changes;
    private final RequestedReferrals requested;
    private final HouseholdVault vault;
    private final DuplicateDetection duplicates;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("household-projection"));
    private final ExecutorService openers = Executors.newFixedThreadPool(OPENERS, daemon("household-opening"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            daemon("household-projection-tick"));
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Object projecting = new Object();
    // The chunk after the last one stored, already being opened; guarded by projecting.
    private Opening next;
    private volatile boolean closed;

    public HouseholdProjector(HubStore store, HubKeys keys, HouseholdVault vault, NeedsCatalogue catalogue,
                              Clock clock, IngestPriority ingest, ConsentWithdrawal withdrawal,
                              DuplicateDetection duplicates) {
        this.duplicates = duplicates;
        this.store = store;
        this.keys = keys;
        this.catalogue = catalogue;
        this.clock = clock;
        this.ingest = ingest;
        this.vault = vault;
        this.changes = new HouseholdChanges(catalogue, vault, withdrawal, duplicates);
        this.requested = new RequestedReferrals(vault, ReferralData.bundled());
    }

    /** Applies the changes held while a household was restricted, as this projector would have applied them. */
    public HeldChanges heldChanges() {
        return new HeldChanges(keys, changes);
    }

    /** Lets ingest go first: returns when no batch is being ingested, or after {@code max} at the latest. */
    @FunctionalInterface
    public interface IngestPriority {
        void awaitQuiet(Duration max) throws InterruptedException;
    }

    /** Wakes the worker now and every {@link #TICK}, for what other instances store. */
    public void start() {
        ticker.scheduleWithFixedDelay(this::wake, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the worker to catch up; returns at once. Wakes that arrive while one is queued fold into it. */
    public void wake() {
        if (closed || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                // Cleared before the work, so events stored while it runs queue another round.
                wakeQueued.set(false);
                try {
                    catchUp(true);
                } catch (RuntimeException e) {
                    LOG.error("Household projection stopped at a failure ({}); it resumes with the next sync, "
                            + "lookup or tick", e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException closing) {
            // The hub is stopping; what is not projected now is projected at the next start.
        }
    }

    /** Projects, on the caller's thread, whatever is stored but not yet projected (unless another instance is). */
    public void catchUpIfBehind() {
        if (store.read(repositories -> repositories.lookups().projectionBehind(PROJECTION))) {
            catchUp(false);
        }
    }

    private void catchUp(boolean givingWay) {
        // Each chunk takes the turn anew, so a lookup and the worker share a long backlog between them.
        boolean more = true;
        while (more && !closed && !Thread.currentThread().isInterrupted()) {
            if (givingWay) {
                // Outside the turn: a lookup that must catch up does not wait for the burst to end.
                giveWay(System.nanoTime() + BURST_LAG.toNanos());
            }
            more = projectNextChunk(givingWay);
        }
    }

    /** The events after the cursor, read while holding the turn. */
    private record Chunk(long cursor, List<StoredEvent> events) {
        long upTo() {
            return events.get(events.size() - 1).sequence();
        }
    }

    /** A chunk and its payloads being opened on the openers, slice by slice. */
    private record Opening(Chunk chunk, ChunkPayloads payloads, List<Future<List<Projection>>> slices) {
        void cancel() {
            slices.forEach(slice -> slice.cancel(true));
            payloads.close();
        }
    }

    /**
     * Numbers newly committed events and projects the next chunk after the cursor: its payloads are opened outside
     * any transaction, then the households are stored and the cursor moved past the chunk in one; says whether it
     * did, so whether to go on. Opening is parallel and storing serial, and they overlap: while this chunk is stored,
     * the next is already being opened (kept in {@link #next} for the next call), so the cores are not idle while
     * the database commits. Giving way, it pauses before every slice of events while a batch is being ingested, at
     * most {@link #GIVE_WAY} in all per chunk, which bounds how long a lookup can wait for the worker.
     */
    private boolean projectNextChunk(boolean givingWay) {
        synchronized (projecting) {
            Opening current = next != null ? next : fetchAndOpen(null, givingWay);
            next = null;
            if (current == null) {
                return false;
            }
            Opening following = null;
            boolean applied = false;
            try {
                following = fetchAndOpen(current.chunk().upTo(), givingWay);
                applied = storeHouseholds(current.chunk(), opened(current));
                return applied;
            } finally {
                if (applied) {
                    next = following;
                } else if (following != null) {
                    // The cursor did not move as expected (another instance, or a failure): read again next time.
                    following.cancel();
                }
            }
        }
    }

    /**
     * Takes the turn, numbers newly committed events and reads the chunk after {@code after} (the stored cursor when
     * null), then starts opening it; null if the turn is another instance's or nothing is there.
     */
    private Opening fetchAndOpen(Long after, boolean givingWay) {
        Chunk chunk = store.inTransaction(repositories -> {
            if (!repositories.projections().tryTakeTurn()) {
                return null;
            }
            repositories.events().sequenceForProjection(CHUNK);
            long cursor = after != null ? after : repositories.projections().cursor(PROJECTION);
            return new Chunk(cursor, repositories.events().sequencedAfter(cursor, CHUNK));
        });
        if (chunk == null || chunk.events().isEmpty()) {
            return null;
        }
        ChunkPayloads payloads = new ChunkPayloads(keys, store);
        return new Opening(chunk, payloads, open(chunk.events(), payloads, givingWay));
    }

    /**
     * Stores the chunk's households, folds in its changes and moves the cursor past it, in one transaction, if the
     * cursor is still where the chunk began.
     */
    private boolean storeHouseholds(Chunk chunk, List<Projection> projections) {
        List<ProjectionFailure> failures = new ArrayList<>();
        boolean applied = store.inTransaction(repositories -> {
            failures.clear();
            if (!repositories.projections().tryTakeTurn()
                    || !repositories.projections().advance(PROJECTION, chunk.cursor(), chunk.upTo())) {
                return false;
            }
            failures.addAll(apply(repositories, projections));
            repositories.households().recordFailures(failures, clock.instant());
            return true;
        });
        if (applied && !failures.isEmpty()) {
            LOG.warn("Household projection skipped {} event(s); see the projection_failures table", failures.size());
        }
        return applied;
    }

    /**
     * Applies the chunk's projections in projection order: registrations in batches, each change after every
     * registration before it (its own household's among them), and the referrals requested after every household;
     * returns the events skipped.
     */
    private List<ProjectionFailure> apply(Repositories repositories, List<Projection> projections) {
        List<ProjectionFailure> failures = new ArrayList<>();
        List<Projection> registrations = new ArrayList<>();
        List<NewReferral> referrals = new ArrayList<>();
        for (Projection projection : projections) {
            if (projection.household() != null) {
                registrations.add(projection);
            } else if (projection.change() != null) {
                failures.addAll(insertRegistrations(repositories, registrations));
                registrations.clear();
                changes.apply(repositories, projection.change()).ifPresent(failures::add);
            } else if (projection.referral() != null) {
                referrals.add(projection.referral());
            } else if (projection.failure() != null) {
                failures.add(projection.failure());
            }
        }
        failures.addAll(insertRegistrations(repositories, registrations));
        failures.addAll(requested.insert(repositories, referrals));
        return failures;
    }

    /**
     * Stores the new households, and indexes, counts for the reports and looks for duplicates of those not refused.
     * (One its own event already stored is indexed again with the same terms: the cursor's compare-and-set keeps a
     * chunk from being applied twice, so no later change has replaced them; its pairs are already queued.)
     */
    private List<ProjectionFailure> insertRegistrations(Repositories repositories,
                                                               List<Projection> registrations) {
        List<ProjectionFailure> refused = repositories.households().insertNew(registrations.stream()
                .map(registration -> registration.household().household()).toList());
        Set<UUID> refusedEvents = new HashSet<>();
        refused.forEach(failure -> refusedEvents.add(failure.eventId()));
        List<Projection> stored = registrations.stream()
                .filter(registration -> !refusedEvents.contains(registration.household().household().eventId()))
                .toList();
        Map<UUID, List<byte[]>> terms = new HashMap<>();
        for (Projection registration : stored) {
            terms.put(registration.household().household().householdId(), registration.household().terms());
        }
        repositories.households().index(terms);
        ReportProjection.added(repositories, stored.stream()
                .map(registration -> new ReportRepository.Reported(registration.household().household().householdId(),
                        registration.facts())).toList());
        duplicates.detect(repositories, stored.stream().map(Projection::arrival).toList());
        return refused;
    }

    /** Starts opening the payloads on every core, in slices. */
    private List<Future<List<Projection>>> open(List<StoredEvent> events, ChunkPayloads payloads,
                                                boolean givingWay) {
        long giveWayUntil = System.nanoTime() + GIVE_WAY.toNanos();
        List<Future<List<Projection>>> slices = new ArrayList<>();
        for (int from = 0; from < events.size(); from += SLICE) {
            List<StoredEvent> slice = events.subList(from, Math.min(from + SLICE, events.size()));
            slices.add(openers.submit(() -> {
                if (givingWay) {
                    giveWay(giveWayUntil);
                }
                List<Projection> opened = new ArrayList<>(slice.size());
                for (StoredEvent stored : slice) {
                    opened.add(project(stored, payloads));
                }
                return opened;
            }));
        }
        return slices;
    }

    /** Waits for the chunk's payloads; the result is in the chunk's order. */
    private static List<Projection> opened(Opening opening) {
        List<Projection> projections = new ArrayList<>(opening.chunk().events().size());
        try {
            for (Future<List<Projection>> slice : opening.slices()) {
                projections.addAll(slice.get());
            }
        } catch (InterruptedException e) {
            opening.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Projection interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Opening a payload failed unexpectedly", e.getCause());
        } finally {
            opening.payloads().close();
        }
        return projections;
    }

    private void giveWay(long until) {
        long left = until - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            ingest.awaitQuiet(Duration.ofNanos(left));
        } catch (InterruptedException e) {
            // Closing: finish this chunk without waiting, and stop after it.
            Thread.currentThread().interrupt();
        }
    }

    private Projection project(StoredEvent stored, ChunkPayloads payloads) {
        SignedEvent event;
        try {
            event = SignedEvent.decode(stored.envelope());
        } catch (MalformedEncodingException e) {
            // Ingest decoded it before storing, so only a damaged database gets here; there is no event id to name.
            LOG.error("Stored event at projection sequence {} no longer decodes ({}); skipped", stored.sequence(),
                    e.getMessage());
            return Projection.NOTHING;
        }
        if (HubEvents.CHAIN.equals(event.header().kioskId())) {
            // The hub's own events were projected in the transaction that appended them.
            return Projection.NOTHING;
        }
        // One case per event type, so a new type cannot pass unprojected unnoticed.
        return switch (event.header().type()) {
            case HOUSEHOLD_REGISTERED -> registration(event, payloads.open(event));
            case HOUSEHOLD_CARD_REPRINTED, TOKEN_REISSUED, HOUSEHOLD_CORRECTED, CONSENT_CHANGED ->
                    change(event, stored.sequence(), payloads.open(event));
            case REFERRAL_REQUESTED -> referral(event, payloads.open(event));
            case REFERRAL_TRANSITIONED, REFERRAL_NOTE_ADDED, REFERRAL_REASSIGNED -> Projection.failed(event.header(),
                    "only the hub moves referrals on; a kiosk's " + event.header().type().wireName() + " is ignored");
            case HOUSEHOLDS_MERGED, HOUSEHOLDS_UNMERGED, DUPLICATE_DISMISSED -> Projection.failed(event.header(),
                    "only the hub decides on duplicates; a kiosk's " + event.header().type().wireName()
                            + " is ignored");
            case HOUSEHOLD_ERASED, HOUSEHOLD_RESTRICTED, HOUSEHOLD_RESTRICTION_LIFTED -> Projection.failed(
                    event.header(), "only the hub's data protection officer erases or restricts a household; a "
                    + "kiosk's " + event.header().type().wireName() + " is ignored");
        };
    }

    private Projection registration(SignedEvent event, ChunkPayloads.Opened opened) {
        EventHeader header = event.header();
        if (opened.failure() != null) {
            return Projection.failed(header, opened.failure());
        }
        byte[] plaintext = opened.plaintext();
        try {
            RegistrationPayload payload = RegistrationPayload.fromJson(plaintext, catalogue);
            if (!payload.token().kioskId().equals(header.kioskId())) {
                return Projection.failed(header, "the token names kiosk " + payload.token().kioskId()
                        + ", not the event's kiosk");
            }
            // Sealed and indexed here, on the openers, so the cores share its cost and the transaction only writes.
            HouseholdVault.BlindTerms terms = vault.blindTerms(payload.household());
            return Projection.of(vault.sealIndexedBy(new HouseholdRecord(payload.householdId(), payload.token().id(),
                    payload.token().kioskId(), payload.token().issuedOn(), header.kioskId(), payload.site(),
                    payload.registeredAt(), HouseholdJson.write(payload.household()).toString(), header.eventId()),
                    terms.index()), HouseholdFacts.of(payload.site(), payload.household(), catalogue),
                    duplicates.arrival(payload.householdId(), payload.household(), terms.blockingKeys()));
        } catch (InvalidRegistrationException e) {
            // Field paths only: the problems' messages are meant for whoever typed the values.
            return Projection.failed(header, "registration payload is invalid at "
                    + e.problems().stream().map(FieldProblem::field).toList());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Reads a change's payload here; what it does to the household is decided in order, in the transaction. */
    private Projection change(SignedEvent event, long sequence, ChunkPayloads.Opened opened) {
        if (opened.failure() != null) {
            return Projection.failed(event.header(), opened.failure());
        }
        try {
            return Projection.of(new HouseholdChanges.Change(event.header(), sequence,
                    HouseholdChange.fromJson(opened.plaintext())));
        } catch (IllegalArgumentException e) {
            return Projection.failed(event.header(), "change payload is unreadable: " + e.getMessage());
        } finally {
            Arrays.fill(opened.plaintext(), (byte) 0);
        }
    }

    /** A referral request becomes a {@code SENT} referral in the referral store, in the same cursor transaction. */
    private Projection referral(SignedEvent event, ChunkPayloads.Opened opened) {
        if (opened.failure() != null) {
            return Projection.failed(event.header(), opened.failure());
        }
        try {
            return Projection.of(ReferralProjection.requested(event.header(), opened.plaintext(), clock.instant()));
        } catch (MalformedEncodingException e) {
            return Projection.failed(event.header(), e.getMessage());
        } finally {
            Arrays.fill(opened.plaintext(), (byte) 0);
        }
    }

    /**
     * A projected household with what the reports count of it, a change to fold in or a referral requested, or why
     * there is none of these (never personal data), or nothing at all for an unreadable event.
     */
    private record Projection(HouseholdVault.Sealed household, HouseholdFacts facts,
                              DuplicateDetection.Arrival arrival, HouseholdChanges.Change change, NewReferral referral,
                              ProjectionFailure failure) {
        static final Projection NOTHING = new Projection(null, null, null, null, null, null);

        static Projection of(HouseholdVault.Sealed household, HouseholdFacts facts,
                             DuplicateDetection.Arrival arrival) {
            return new Projection(household, facts, arrival, null, null, null);
        }

        static Projection of(HouseholdChanges.Change change) {
            return new Projection(null, null, null, change, null, null);
        }

        static Projection of(NewReferral referral) {
            return new Projection(null, null, null, null, referral, null);
        }

        static Projection failed(EventHeader header, String reason) {
            return new Projection(null, null, null, null, null, new ProjectionFailure(header.eventId(), reason));
        }
    }

    /** Stops the worker after the chunk it is on; what is left is projected at the next start. */
    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        openers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

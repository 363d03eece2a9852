package org.threshold.hub.household;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.UnsealException;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.FieldProblem;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.hub.deployment.HubKeys;
import org.threshold.hub.store.EventStore;
import org.threshold.hub.store.HouseholdReadModel;
import org.threshold.hub.store.HouseholdRecord;
import org.threshold.hub.store.ProjectionFailure;
import org.threshold.hub.store.StoredEvent;

/**
 * Opens stored events and projects registrations into the households read model. Opening a sealed payload
 * costs about 0.2 ms, too much to do inside ingest, so one background worker does it after each ingest, in
 * storage order from a persisted cursor (a restarted hub resumes where it stopped). A lookup that must see
 * the latest sync calls {@link #catchUpIfBehind()} itself. An event that cannot be opened or read is recorded
 * as a projection failure and skipped, so it never holds up the others.
 *
 * <p>Ingest goes first: on a two-core hub, opening payloads while kiosks are sending would take a core and the
 * write lock from them, so the worker steps aside (at most {@link #GIVE_WAY} per chunk) while a batch is being
 * ingested. Thread-safe.
 */
public final class HouseholdProjector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdProjector.class);
    // Large enough that a peak day's backlog costs few commits; small enough to free the write lock often.
    private static final int CHUNK = 1_024;
    private static final Duration GIVE_WAY = Duration.ofSeconds(1);
    // Opening a payload takes about half a millisecond: ingest waits at most ~16 ms for the worker to step aside.
    private static final int GIVE_WAY_EVERY = 32;

    private final EventStore events;
    private final HouseholdReadModel households;
    private final HubKeys keys;
    private final NeedsCatalogue catalogue;
    private final Clock clock;
    private final IngestPriority ingest;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "household-projection");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Object projecting = new Object();
    private volatile boolean closed;

    public HouseholdProjector(EventStore events, HouseholdReadModel households, HubKeys keys,
                              NeedsCatalogue catalogue, Clock clock, IngestPriority ingest) {
        this.events = events;
        this.households = households;
        this.keys = keys;
        this.catalogue = catalogue;
        this.clock = clock;
        this.ingest = ingest;
    }

    /** Lets ingest go first: returns when no batch is being ingested, or after {@code max} at the latest. */
    @FunctionalInterface
    public interface IngestPriority {
        void awaitQuiet(Duration max) throws InterruptedException;
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
                    catchUpGivingWay();
                } catch (RuntimeException e) {
                    LOG.error("Household projection stopped at a database failure ({}); it resumes with the "
                            + "next sync or lookup", e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException closing) {
            // The hub is stopping; what is not projected now is projected at the next start.
        }
    }

    /** Projects, on the caller's thread, whatever is stored but not yet projected. */
    public void catchUpIfBehind() {
        if (events.lastPosition() > households.projectedUpTo()) {
            catchUp();
        }
    }

    private void catchUpGivingWay() {
        boolean more = true;
        while (more && !closed && !Thread.currentThread().isInterrupted()) {
            more = projectNextChunk(true);
        }
    }

    private void catchUp() {
        // Each chunk takes the lock anew, so a lookup and the worker share a long backlog between them.
        boolean more = true;
        while (more && !closed) {
            more = projectNextChunk(false);
        }
    }

    /**
     * Projects the next chunk after the cursor and moves the cursor past it; says whether there was one. Giving
     * way, it pauses before every few events while a batch is being ingested, so a kiosk that sends while a chunk
     * is being opened waits for a few payloads, not a whole chunk; at most {@link #GIVE_WAY} in all per chunk,
     * which bounds how long a lookup can wait for the worker.
     */
    private boolean projectNextChunk(boolean givingWay) {
        synchronized (projecting) {
            List<StoredEvent> chunk = events.after(households.projectedUpTo(), CHUNK);
            if (chunk.isEmpty()) {
                return false;
            }
            long giveWayUntil = System.nanoTime() + GIVE_WAY.toNanos();
            List<HouseholdRecord> projected = new ArrayList<>();
            List<ProjectionFailure> failures = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (givingWay && i % GIVE_WAY_EVERY == 0) {
                    giveWay(giveWayUntil);
                }
                project(chunk.get(i), projected, failures);
            }
            households.apply(projected, failures, chunk.get(chunk.size() - 1).position(), clock.instant());
            if (!failures.isEmpty()) {
                LOG.warn("Household projection skipped {} event(s); see the projection_failures table",
                        failures.size());
            }
            return true;
        }
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

    private void project(StoredEvent stored, List<HouseholdRecord> projected, List<ProjectionFailure> failures) {
        SignedEvent event;
        try {
            event = SignedEvent.decode(stored.envelope());
        } catch (MalformedEncodingException e) {
            // Ingest decoded it before storing, so only a damaged database gets here; there is no event id to name.
            LOG.error("Stored event at position {} no longer decodes ({}); skipped", stored.position(), e.getMessage());
            return;
        }
        if (event.header().type() != EventType.HOUSEHOLD_REGISTERED) {
            return; // issue 10's change events are stored; projecting them into households comes next
        }
        Projection projection = registration(event);
        if (projection.household() != null) {
            projected.add(projection.household());
        } else {
            failures.add(new ProjectionFailure(event.header().eventId(), projection.failure()));
        }
    }

    private Projection registration(SignedEvent event) {
        EventHeader header = event.header();
        Optional<SealingPrivateKey> key = keys.sealingKey(header.sealingKeyId());
        if (key.isEmpty()) {
            return Projection.failed("sealed to key " + header.sealingKeyId() + ", which keys.json does not hold");
        }
        byte[] plaintext;
        try {
            plaintext = event.openPayload(key.get());
        } catch (UnsealException e) {
            return Projection.failed("payload does not open with key " + header.sealingKeyId()
                    + ": altered, or sealed to another key");
        }
        try {
            RegistrationPayload payload = RegistrationPayload.fromJson(plaintext, catalogue);
            if (!payload.token().kioskId().equals(header.kioskId())) {
                return Projection.failed("the token names kiosk " + payload.token().kioskId()
                        + ", not the event's kiosk");
            }
            return Projection.of(new HouseholdRecord(payload.householdId(), payload.token().id(),
                    payload.token().kioskId(), payload.token().issuedOn(), header.kioskId(), payload.site(),
                    payload.registeredAt(), HouseholdJson.write(payload.household()).toString(), header.eventId()));
        } catch (InvalidRegistrationException e) {
            // Field paths only: the problems' messages are meant for whoever typed the values.
            return Projection.failed("registration payload is invalid at "
                    + e.problems().stream().map(FieldProblem::field).toList());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** A projected household, or why there is none (never personal data). */
    private record Projection(HouseholdRecord household, String failure) {
        static Projection of(HouseholdRecord household) {
            return new Projection(household, null);
        }

        static Projection failed(String reason) {
            return new Projection(null, reason);
        }
    }

    /** Stops the worker after the chunk it is on; what is left is projected at the next start. */
    @Override
    public void close() {
        closed = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

package org.threshold.hub.app.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.kiosk.Kiosk;

/**
 * Takes in one kiosk's events, from the network or a USB bundle: only an enrolled, unrevoked kiosk's chain is
 * accepted, checked in the same transaction that stores its events, so a revocation made through any hub instance
 * holds at once. The events' own signatures are the authentication. A signed request's nonce is remembered in that
 * same transaction, so a batch costs one durable commit and a replay is refused by any instance. Thread-safe.
 */
public final class SyncService {
    /** The most events one call takes. */
    public static final int MAX_EVENTS = 2_000;
    // Forgetting expired nonces deletes rows every instance's batches would contend for: done apart, now and then.
    private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

    /** The nonce of a signed batch request, remembered until {@code forgetAfter} (past the request's window). */
    public record RequestNonce(String value, Instant forgetAfter) {
    }

    private final HubStore store;
    private final BatchIngest ingest;
    private final Runnable afterStore;
    private final Clock clock;
    private final AtomicReference<Instant> nextForget = new AtomicReference<>(Instant.MIN);

    /** @param afterStore run after a call stored new events, e.g. to wake the projections */
    public SyncService(HubStore store, Clock clock, Runnable afterStore) {
        this.store = store;
        this.ingest = new BatchIngest(clock);
        this.afterStore = afterStore;
        this.clock = clock;
    }

    /**
     * Verifies and stores what continues the kiosk's chain (see {@link BatchIngest}), from a source that carries
     * no request nonce (a USB bundle, whose events' signatures make resending harmless).
     *
     * @throws Refusal UNAUTHENTICATED {@code UNKNOWN_KIOSK}, FORBIDDEN {@code KIOSK_REVOKED}; nothing is stored
     */
    public IngestOutcome ingest(String kioskId, List<SignedEvent> events) {
        return ingest(kioskId, Optional.empty(), events);
    }

    /**
     * As {@link #ingest(String, List)} for a signed request, taken once: its nonce is remembered with the events.
     *
     * @throws Refusal also CONFLICT {@code REPLAYED_REQUEST}; nothing is stored
     */
    public IngestOutcome ingest(String kioskId, RequestNonce nonce, List<SignedEvent> events) {
        IngestOutcome outcome = ingest(kioskId, Optional.of(nonce), events);
        forgetExpiredNonces();
        return outcome;
    }

    private IngestOutcome ingest(String kioskId, Optional<RequestNonce> nonce, List<SignedEvent> events) {
        IngestOutcome outcome = store.inTransaction(repositories -> {
            if (nonce.isPresent() && !repositories.feedNonces().add(nonce.get().value(), nonce.get().forgetAfter())) {
                throw new Refusal(Refusal.Kind.CONFLICT, "REPLAYED_REQUEST", "This batch was already received; sign "
                        + "a new request with a fresh nonce.");
            }
            Kiosk kiosk = repositories.kiosks().find(kioskId).orElseThrow(() -> new Refusal(
                    Refusal.Kind.UNAUTHENTICATED, "UNKNOWN_KIOSK", "Kiosk " + kioskId + " is not enrolled with this "
                    + "hub. Enroll it with `provision kiosk add`, or check the kiosk id in the kiosk's kiosk.json."));
            if (kiosk.revoked()) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "KIOSK_REVOKED", "Kiosk " + kioskId + " has been revoked "
                        + "by an administrator; the hub takes no more events from it and nothing was stored. If the "
                        + "kiosk is in safe hands, ask the administrator to enroll it again.");
            }
            return ingest.ingest(repositories, kioskId, kiosk.verifyingKey(), events);
        });
        BatchIngest.log(kioskId, events.size(), outcome);
        if (outcome.stored() > 0) {
            afterStore.run();
        }
        return outcome;
    }

    private void forgetExpiredNonces() {
        Instant now = clock.instant();
        Instant due = nextForget.get();
        if (now.isBefore(due) || !nextForget.compareAndSet(due, now.plus(FORGET_EVERY))) {
            return;
        }
        store.inTransaction(repositories -> {
            repositories.feedNonces().forgetExpired(now);
            return null;
        });
    }
}

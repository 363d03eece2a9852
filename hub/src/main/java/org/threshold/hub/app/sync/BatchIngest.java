package org.threshold.hub.app.sync;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.ChainVerifier;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.Repositories;

/**
 * Stores a kiosk's batch so that resending is harmless and nothing unverified is kept. In one transaction:
 * events at or below the held head must be byte-identical to what is held (duplicates, skipped) or the
 * batch is a fork; the rest must continue the chain from the head ({@link ChainVerifier}: the hash links,
 * and one signature at the end of the run). The longest valid prefix is stored and becomes the new head;
 * nothing after a break is. Every call is recorded as the kiosk's last
 * contact; a gap or a fork also as an incident for administrators.
 *
 * <p>Thread-safe. Batches of one kiosk are taken one at a time, whichever hub instance receives them: the
 * transaction locks the kiosk's head in the database ({@code EventRepository.lockHead}), so its chain grows in
 * order however many connections it (or a replaying proxy) opens; different kiosks proceed side by side as far
 * as the store lets them.
 */
final class BatchIngest {
    private static final Logger LOG = LoggerFactory.getLogger(BatchIngest.class);

    private final Clock clock;

    BatchIngest(Clock clock) {
        this.clock = clock;
    }

    /** Inside the caller's transaction, which it must commit for anything to be kept. */
    IngestOutcome ingest(Repositories repositories, String kioskId, VerifyingKey kioskKey, List<SignedEvent> batch) {
        KioskChain chain = new KioskChain(repositories, kioskId);
        return ingestAndRecord(chain, kioskId, kioskKey, batch);
    }

    /** Says in the log what became of a batch, once its transaction is committed. */
    static void log(String kioskId, int batchSize, IngestOutcome outcome) {
        if (outcome.rejection().isPresent()) {
            Rejection rejection = outcome.rejection().get();
            LOG.warn("Kiosk {}: batch of {} stopped at index {} ({}); stored {}, duplicates {}, head {}", kioskId,
                    batchSize, rejection.index(), rejection.reason(), outcome.stored(), outcome.duplicates(),
                    outcome.head().sequence());
        } else if (outcome.stored() > 0) {
            LOG.info("Kiosk {}: stored {}, duplicates {}, head {}", kioskId, outcome.stored(), outcome.duplicates(),
                    outcome.head().sequence());
        }
    }

    /** One kiosk's chain in the repositories: its head is locked by the first {@link #head()}. */
    private static final class KioskChain {
        private final Repositories repositories;
        private final String kioskId;
        private ChainPosition head;

        KioskChain(Repositories repositories, String kioskId) {
            this.repositories = repositories;
            this.kioskId = kioskId;
        }

        ChainPosition head() {
            if (head == null) {
                head = repositories.events().lockHead(kioskId);
            }
            return head;
        }

        Optional<byte[]> hashAt(long sequence) {
            return Optional.ofNullable(hashesBetween(sequence, sequence).get(sequence));
        }

        Map<Long, byte[]> hashesBetween(long first, long last) {
            return repositories.events().hashesBetween(kioskId, first, last);
        }

        Set<UUID> heldEventIds(java.util.Collection<UUID> eventIds) {
            return repositories.events().heldEventIds(eventIds);
        }

        void append(List<SignedEvent> events, java.time.Instant receivedAt) {
            repositories.events().append(kioskId, events, receivedAt);
        }

        void recordContact(java.time.Instant at, Optional<SyncIncident> incident) {
            repositories.syncLedger().recordContact(kioskId, at, incident);
        }
    }

    private IngestOutcome ingestAndRecord(KioskChain chain, String kioskId, VerifyingKey kioskKey,
                                          List<SignedEvent> batch) {
        ChainPosition before = chain.head();
        IngestOutcome outcome = ingest(chain, kioskId, kioskKey, batch);
        Optional<SyncIncident> incident = outcome.rejection().flatMap(rejection -> switch (rejection.reason()) {
            case FORK -> Optional.of(new SyncIncident(SyncIncident.FORK, batch.get(rejection.index()).header()
                    .sequence(), forkDetail(chain, batch.get(rejection.index()))));
            case SEQUENCE_GAP -> Optional.of(new SyncIncident(SyncIncident.SEQUENCE_GAP, batch.get(rejection.index())
                    .header().sequence(), "expected sequence " + (outcome.head().sequence() + 1) + ", got "
                    + batch.get(rejection.index()).header().sequence() + " (head was " + before.sequence() + ")"));
            default -> Optional.empty();
        });
        chain.recordContact(clock.instant(), incident);
        return outcome;
    }

    private static String forkDetail(KioskChain chain, SignedEvent sent) {
        long sequence = sent.header().sequence();
        String held = chain.hashAt(sequence).map(hash -> Bytes.hex(hash).substring(0, 16)).orElse("none");
        return "sequence " + sequence + ": hub holds hash " + held + "..., kiosk sent event " + sent.header().eventId()
                + " with hash " + Bytes.hex(sent.hash()).substring(0, 16) + "...";
    }

    private IngestOutcome ingest(KioskChain chain, String kioskId, VerifyingKey kioskKey, List<SignedEvent> batch) {
        ChainPosition head = chain.head();
        int resent = 0;
        while (resent < batch.size() && isAtOrBelow(batch.get(resent), kioskId, head)) {
            resent++;
        }
        Map<Long, byte[]> held = heldHashes(chain, batch.subList(0, resent));
        int duplicates = 0;
        while (duplicates < resent) {
            SignedEvent event = batch.get(duplicates);
            byte[] heldHash = held.get(event.header().sequence());
            if (heldHash == null || !Arrays.equals(heldHash, event.hash())) {
                return new IngestOutcome(head, 0, duplicates, Optional.of(fork(duplicates, event, kioskKey)));
            }
            duplicates++;
        }
        List<SignedEvent> fresh = batch.subList(duplicates, batch.size());
        int conflictAt = firstHeldId(chain, fresh);
        ChainVerifier.Result verdict = ChainVerifier.verify(kioskId, kioskKey, head, fresh.subList(0, conflictAt));
        List<SignedEvent> accepted = fresh.subList(0, verdict.accepted());
        chain.append(accepted, clock.instant());
        ChainPosition newHead = accepted.isEmpty() ? head : ChainPosition.after(accepted.get(accepted.size() - 1));
        int offset = duplicates;
        Optional<Rejection> rejection = verdict.failure().map(failure -> broken(offset + failure.index(), failure));
        if (rejection.isEmpty() && conflictAt < fresh.size()) {
            rejection = Optional.of(conflict(offset + conflictAt, fresh.get(conflictAt)));
        }
        return new IngestOutcome(newHead, accepted.size(), duplicates, rejection);
    }

    /**
     * The held hashes at the sequences of a resent prefix (a replayed or retried batch): one query when the prefix
     * is a run of consecutive sequences, as a kiosk sends it; one per event for anything else.
     */
    private static Map<Long, byte[]> heldHashes(KioskChain chain, List<SignedEvent> resent) {
        if (resent.isEmpty()) {
            return Map.of();
        }
        long first = resent.get(0).header().sequence();
        boolean consecutive = true;
        for (int i = 1; i < resent.size() && consecutive; i++) {
            consecutive = resent.get(i).header().sequence() == first + i;
        }
        if (consecutive) {
            return chain.hashesBetween(first, first + resent.size() - 1);
        }
        Map<Long, byte[]> held = new HashMap<>();
        for (SignedEvent event : resent) {
            chain.hashAt(event.header().sequence()).ifPresent(hash -> held.put(event.header().sequence(), hash));
        }
        return held;
    }

    private static boolean isAtOrBelow(SignedEvent event, String kioskId, ChainPosition head) {
        return event.header().kioskId().equals(kioskId) && event.header().sequence() <= head.sequence();
    }

    /** The index of the first event whose id the hub already holds, or repeats one earlier in the batch. */
    private static int firstHeldId(KioskChain chain, List<SignedEvent> fresh) {
        Set<UUID> held = chain.heldEventIds(fresh.stream().map(event -> event.header().eventId()).toList());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < fresh.size(); i++) {
            UUID id = fresh.get(i).header().eventId();
            if (!seen.add(id) || held.contains(id)) {
                return i;
            }
        }
        return fresh.size();
    }

    private static Rejection fork(int index, SignedEvent event, VerifyingKey kioskKey) {
        long sequence = event.header().sequence();
        // A fork signed with the kiosk's own key means a restored backup or a copied key: worth an alarm.
        LOG.warn("Kiosk {} sent a different event at sequence {} than the hub holds ({}): its history forked",
                event.header().kioskId(), sequence,
                event.signatureValid(kioskKey) ? "signed with the kiosk's key" : "not signed with the kiosk's key");
        return new Rejection(index, Rejection.Reason.FORK, "The hub already holds a different event at sequence "
                + sequence + " from this kiosk: its history has forked (restored from an old backup, or its key "
                + "copied to another device). Nothing from event " + index + " on was stored. Stop registering on "
                + "this kiosk and call the hub administrator.");
    }

    private static Rejection conflict(int index, SignedEvent event) {
        return new Rejection(index, Rejection.Reason.CONFLICT, "The hub already holds another event with id "
                + event.header().eventId() + " (event " + index + " of this batch): event ids must be unique. "
                + "Nothing from it on was stored; call the hub administrator.");
    }

    private static Rejection broken(int index, ChainVerifier.Failure failure) {
        Rejection.Reason reason = Rejection.Reason.valueOf(failure.reason().name());
        String advice = switch (failure.reason()) {
            case SEQUENCE_GAP -> "Send the kiosk's events in order, without gaps.";
            case CHAIN_BROKEN -> "The kiosk's history was altered or forked; call the hub administrator.";
            case BAD_SIGNATURE -> "Check that this kiosk still has the key it was enrolled with; if it does, "
                    + "the events were altered on the way.";
            case WRONG_KIOSK -> "Send each kiosk's events in a batch of its own.";
        };
        return new Rejection(index, reason, "Event " + index + " was not stored: " + failure.message() + ". "
                + "Events before it are stored, none after it. " + advice);
    }
}

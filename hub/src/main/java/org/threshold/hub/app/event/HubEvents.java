package org.threshold.hub.app.event;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventIds;
import org.threshold.core.event.EventSealer;
import org.threshold.core.event.EventType;
import org.threshold.core.event.RedactedEvent;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.deployment.HubKeys;

/**
 * Records what the hub itself does (a referral moved on, a note, a reassignment, a consent withdrawn...) as events of
 * its own chain, {@link #CHAIN}, beside the kiosks' chains in the event store: sealed to the hub's current sealing key
 * like a kiosk's, signed by the hub's identity key, each hashing the one before. So the hub's history is complete and
 * tamper-evident the same way a kiosk's is, and core's {@code ChainVerifier} checks it with {@link #verifyingKey()}.
 *
 * <p>An event is appended inside the caller's transaction, after the chain's head is locked
 * ({@code EventRepository.lockHead}: a row lock on PostgreSQL, the write lock on SQLite), so several hub instances
 * append one after the other and never fork the chain; the caller projects what the event does in the same
 * transaction, so the event and its effect commit together or not at all. Take the lock ({@link #lock}) before reading
 * what the decision depends on: every change the hub makes waits its turn there, so nothing read is stale. The
 * household projector skips this chain's events: they were projected when appended. Thread-safe.
 */
public final class HubEvents {
    /** The hub's own chain in the event store. Enrollment names kiosks {@code KIOSK-NN}, so no kiosk takes it. */
    public static final String CHAIN = "HUB";

    private final SigningKey identity;
    private final Supplier<SealingPublicKey> sealingKey;
    private final Clock clock;
    private final EventIds ids;

    public HubEvents(SigningKey identity, Supplier<SealingPublicKey> sealingKey, Clock clock) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.sealingKey = Objects.requireNonNull(sealingKey, "sealingKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = new EventIds(clock, new SecureRandom());
    }

    /** Signed by the hub's identity key, sealed to its current sealing key (a rotated one from then on). */
    public static HubEvents of(HubKeys keys, Clock clock) {
        return new HubEvents(keys.identity(), () -> SealingPublicKey.fromBase64(keys.currentSealingPublicKey()), clock);
    }

    /** What a hub event says: its type and its payload in clear (sealed on append). */
    public record Draft(EventType type, byte[] plaintext) {
        public Draft {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(plaintext, "plaintext");
        }
    }

    /** The key the hub's chain verifies with. */
    public VerifyingKey verifyingKey() {
        return identity.verifyingKey();
    }

    /** {@code event} cut to its header and sealed by the hub's identity key, as an erasure stores it. */
    public byte[] redacted(SignedEvent event) {
        return RedactedEvent.of(event, identity).encode();
    }

    /** The time events appended now carry, in whole milliseconds (as the envelope and the payloads keep it). */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * Locks the hub chain's head for the rest of {@code repositories}' transaction and returns what appends to it.
     * Call it first in a change's transaction, before reading what the change depends on.
     */
    public Appender lock(Repositories repositories) {
        return new Appender(repositories, repositories.events().lockHead(CHAIN));
    }

    /** Locks the chain and appends {@code drafts}, in order: for a change that depends on nothing it reads. */
    public List<SignedEvent> append(Repositories repositories, List<Draft> drafts) {
        Appender appender = lock(repositories);
        List<SignedEvent> appended = new ArrayList<>(drafts.size());
        drafts.forEach(draft -> appended.add(appender.append(draft)));
        return appended;
    }

    /** Appends to the locked hub chain; valid only in the transaction that locked it. */
    public final class Appender {
        private final Repositories repositories;
        private final EventSealer sealer;
        private ChainPosition head;

        private Appender(Repositories repositories, ChainPosition head) {
            this.repositories = repositories;
            this.head = head;
            this.sealer = new EventSealer(CHAIN, identity, sealingKey.get());
        }

        /** Seals, signs and stores {@code draft} as the chain's next event; returns it. */
        public SignedEvent append(Draft draft) {
            Instant at = now();
            SignedEvent event = sealer.seal(head, ids.next(), at, draft.type(), draft.plaintext());
            repositories.events().append(CHAIN, List.of(event), at);
            head = ChainPosition.after(event);
            return event;
        }
    }
}

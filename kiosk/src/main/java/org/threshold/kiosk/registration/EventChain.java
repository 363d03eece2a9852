package org.threshold.kiosk.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventIds;
import org.threshold.core.event.EventSealer;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.kiosk.store.EventLog;

/**
 * The kiosk's one writer of events: seals a payload to the hub on top of the chain head and has it committed
 * before the next event is sealed. Appends are serialised from reading the head to committing, so two operators
 * acting at once can never fork the chain. Thread-safe.
 */
public final class EventChain {
    private final KioskConfig config;
    private final SigningKey kioskKey;
    private final EventLog events;
    private final Clock clock;
    private final EventIds ids;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile EventSealer sealer;

    public EventChain(KioskConfig config, SigningKey kioskKey, EventLog events, Clock clock, SecureRandom random) {
        this.config = config;
        this.kioskKey = kioskKey;
        this.events = events;
        this.clock = clock;
        this.ids = new EventIds(clock, random);
        this.sealer = new EventSealer(config.kioskId(), kioskKey, config.hubSealing());
    }

    /**
     * Seals every event from now on to {@code hubKey}: the hub rotated its sealing key. One already being sealed
     * keeps the key it started with, which the hub still holds.
     */
    public void sealTo(SealingPublicKey hubKey) {
        sealer = new EventSealer(config.kioskId(), kioskKey, hubKey);
    }

    KioskConfig config() {
        return config;
    }

    SigningKey kioskKey() {
        return kioskKey;
    }

    /** The time an event made now records, to the millisecond as the header keeps it. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Clock clock() {
        return clock;
    }

    /** A fresh time-ordered id (UUIDv7), for households and events. */
    UUID nextId() {
        return ids.next();
    }

    /**
     * Seals {@code payload} as an event of {@code type} recorded at {@code at}, then runs {@code commit} with it,
     * both under the chain lock; the payload is zeroed afterwards. {@code commit} must store the event durably.
     */
    <T> T append(EventType type, Instant at, byte[] payload, Function<SignedEvent, T> commit) {
        return appendAll(at, List.of(new Draft(type, payload)), sealed -> commit.apply(sealed.get(0)));
    }

    /** An event to seal: its type and plaintext payload. */
    record Draft(EventType type, byte[] payload) {
    }

    /**
     * Seals the drafts as consecutive events recorded at {@code at}, each on top of the one before, then runs
     * {@code commit} with them, all under the chain lock; the payloads are zeroed afterwards. {@code commit} must
     * store every event durably, in one transaction: they stand or fall together.
     */
    <T> T appendAll(Instant at, List<Draft> drafts, Function<List<SignedEvent>, T> commit) {
        return exclusively(() -> {
            List<SignedEvent> sealed = new ArrayList<>(drafts.size());
            try {
                ChainPosition previous = events.chainHead();
                for (Draft draft : drafts) {
                    SignedEvent event = sealer.seal(previous, ids.next(), at, draft.type(), draft.payload());
                    sealed.add(event);
                    previous = ChainPosition.after(event);
                }
            } finally {
                drafts.forEach(draft -> Arrays.fill(draft.payload(), (byte) 0));
            }
            return commit.apply(sealed);
        });
    }

    /** Runs {@code work} with no event appended meanwhile (appends inside it are allowed). */
    <T> T exclusively(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}

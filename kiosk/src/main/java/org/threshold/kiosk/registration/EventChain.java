package org.threshold.kiosk.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.KioskConfig;
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
        return exclusively(() -> {
            SignedEvent sealed;
            try {
                sealed = sealer.seal(events.chainHead(), ids.next(), at, type, payload);
            } finally {
                Arrays.fill(payload, (byte) 0);
            }
            return commit.apply(sealed);
        });
    }

    /**
     * Seals a registration and the {@code ReferralRequested} payloads made with it as consecutive events recorded at
     * {@code at}, the referrals under the registration's exported secret ({@link EventSealer#sealRegistration}),
     * then runs {@code commit} with them, all under the chain lock; the payloads are zeroed afterwards. {@code commit}
     * must store every event durably, in one transaction: they stand or fall together.
     */
    <T> T appendRegistration(Instant at, byte[] registration, List<byte[]> referrals,
                             Function<List<SignedEvent>, T> commit) {
        return exclusively(() -> {
            List<SignedEvent> sealed;
            try {
                sealed = sealer.sealRegistration(events.chainHead(), at,
                        new EventSealer.Draft(ids.next(), registration),
                        referrals.stream().map(referral -> new EventSealer.Draft(ids.next(), referral)).toList());
            } finally {
                Arrays.fill(registration, (byte) 0);
                referrals.forEach(referral -> Arrays.fill(referral, (byte) 0));
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

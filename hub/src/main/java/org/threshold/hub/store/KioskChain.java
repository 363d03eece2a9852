package org.threshold.hub.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.SignedEvent;

/** One kiosk's chain inside an {@link EventStore#withChain} transaction. Valid only during that call. */
public interface KioskChain {

    /** The last event held for the kiosk, or {@link ChainPosition#GENESIS} if none. */
    ChainPosition head();

    /** The hash of the event held at {@code sequence}, if one is. */
    Optional<byte[]> hashAt(long sequence);

    /** The hashes held from {@code first} to {@code last} (inclusive), by sequence; one query for a resent batch. */
    Map<Long, byte[]> hashesBetween(long first, long last);

    /** Which of these event ids are held, for any kiosk; one query per few hundred ids, not one per event. */
    Set<UUID> heldEventIds(Collection<UUID> eventIds);

    /**
     * Stores events that continue the chain from {@link #head()} (the caller has verified that) and makes the
     * last one the head.
     */
    void append(List<SignedEvent> events, Instant receivedAt);

    /**
     * Records that the kiosk called, in the same transaction; with {@code incident} (a gap or a fork it showed),
     * counts it and keeps it for administrators.
     */
    void recordContact(Instant at, Optional<SyncIncident> incident);
}

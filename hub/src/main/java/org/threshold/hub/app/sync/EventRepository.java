package org.threshold.hub.app.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.SignedEvent;

/** Every kiosk's events as the hub holds them, each kiosk's chain with its head. */
public interface EventRepository {

    /**
     * The kiosk's head ({@link ChainPosition#GENESIS} if it has sent nothing), locked until the transaction ends:
     * appends to one kiosk's chain are serialised by the database, whichever hub instance receives them.
     */
    ChainPosition lockHead(String kioskId);

    /** The hashes held from {@code first} to {@code last} (inclusive), by sequence; one query for a resent batch. */
    Map<Long, byte[]> hashesBetween(String kioskId, long first, long last);

    /** Which of these event ids are held, for any kiosk; one query per few hundred ids, not one per event. */
    Set<UUID> heldEventIds(Collection<UUID> eventIds);

    /**
     * Stores events that continue the kiosk's chain from its locked head (the caller has verified that) and makes
     * the last one the head. The database refuses a second event at a held sequence, so no fork is ever stored.
     */
    void append(String kioskId, List<SignedEvent> events, Instant receivedAt);

    /**
     * Gives up to {@code max} committed events that have none their projection sequence (1, 2, 3... with no gap, in
     * storage order) and returns how many it numbered. Only the projector calls it, while it holds its turn
     * ({@code ProjectionRepository.tryTakeTurn}): see {@code HouseholdProjector} for why this order cannot skip an
     * event another instance committed late.
     */
    int sequenceForProjection(int max);

    /** Up to {@code limit} events with a projection sequence above {@code after}, in that order. */
    List<StoredEvent> sequencedAfter(long after, int limit);

    /** The highest projection sequence given, 0 if none. */
    long lastSequenced();

    long count();

    /** Every event held for the kiosk, by sequence (a second event at one sequence would show twice). */
    List<HeldEvent> chain(String kioskId);

    /** Every kiosk's head, by kiosk id. */
    Map<String, ChainPosition> heads();

    /** The stored envelope of each of these events the hub holds, by event id. */
    Map<UUID, byte[]> envelopes(Collection<UUID> eventIds);

    /**
     * Replaces each event's stored envelope with the bytes given for it (its header alone, after an erasure): its
     * hash, place in its kiosk's chain and projection number stay, so the chain still verifies by hashes.
     */
    void redact(Map<UUID, byte[]> redactedByEvent);

    /**
     * Whether the hub's own records say an erasure or the retention job cut this event: it carried the data of a
     * household recorded as erased (its registration, a correction, a referral redacted at its erasure) or the notes
     * and reasons of a referral the retention job redacted. What stands for a bare header with no seal.
     */
    boolean cutByRecord(UUID eventId);
}

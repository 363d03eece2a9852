package org.threshold.hub.app.household;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.UnsealException;
import org.threshold.core.event.EventType;
import org.threshold.core.event.RedactedEvent;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.registration.HouseholdChange;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.deployment.HubKeys;

/**
 * The kiosk changes {@link HouseholdChanges} held while a household's processing was restricted, applied when the
 * restriction is lifted, in the lift's transaction: in their kiosk's chain order (the history's projection order),
 * each exactly as the projector would have applied it then. One applied leaves the projection failures and its
 * history line says it was applied on the lift; one that no longer applies (its household erased, its token no
 * longer current...) stays held, its history line and projection failure giving the reason, so a later lift tries it
 * again. A held correction that the data protection officer's own correction followed is not applied: it carries the
 * whole household as the kiosk saw it, and would undo what the person asked to have corrected. Thread-safe.
 */
public final class HeldChanges {
    private final HubKeys keys;
    private final HouseholdChanges changes;

    HeldChanges(HubKeys keys, HouseholdChanges changes) {
        this.keys = keys;
        this.changes = changes;
    }

    /** How many held changes were applied, and how many stay held. */
    public record Outcome(int applied, int held) {
    }

    /** Applies the household's held changes; the caller holds the projector's turn and has lifted the restriction. */
    public Outcome apply(Repositories repositories, UUID householdId, Instant at) {
        List<HistoryEntry> history = repositories.householdHistory().of(householdId);
        List<HistoryEntry> held = history.stream().filter(entry -> entry.summary()
                .startsWith(HouseholdChanges.HELD_PREFIX)).toList();
        Map<UUID, byte[]> envelopes = repositories.events().envelopes(held.stream().map(HistoryEntry::eventId)
                .toList());
        List<ProjectionFailure> stillHeld = new ArrayList<>();
        for (HistoryEntry entry : held) {
            Optional<ProjectionFailure> failure = correctedSince(history, entry)
                    .or(() -> replay(repositories, entry, envelopes.get(entry.eventId())));
            if (failure.isPresent()) {
                repositories.householdHistory().resummarize(entry.eventId(),
                        HouseholdChanges.HELD_PREFIX + failure.get().reason());
                stillHeld.add(failure.get());
            } else {
                repositories.households().clearFailure(entry.eventId());
            }
        }
        repositories.households().recordFailures(stillHeld, at);
        return new Outcome(held.size() - stillHeld.size(), stillHeld.size());
    }

    private static Optional<ProjectionFailure> correctedSince(List<HistoryEntry> history, HistoryEntry held) {
        boolean corrected = held.eventType() == EventType.HOUSEHOLD_CORRECTED && history.stream().anyMatch(entry ->
                HubEvents.CHAIN.equals(entry.kioskId()) && entry.eventType() == EventType.HOUSEHOLD_CORRECTED
                        && entry.projectionSeq() >= held.projectionSeq());
        return corrected ? failed(held, "the data protection officer corrected the household after this correction "
                + "was made, and applying it would undo theirs: make it again at the kiosk if it is still needed")
                : Optional.empty();
    }

    /** Opens the held change as the projector did and applies it; empty if it applied, or why it did not. */
    private Optional<ProjectionFailure> replay(Repositories repositories, HistoryEntry entry, byte[] envelope) {
        if (envelope == null || RedactedEvent.isRedacted(envelope)) {
            return failed(entry, "its payload is gone: the household was erased");
        }
        byte[] plaintext = null;
        try {
            SignedEvent event = SignedEvent.decode(envelope);
            Optional<SealingPrivateKey> key = keys.sealingKey(event.header().sealingKeyId());
            if (key.isEmpty()) {
                return failed(entry, "sealed to key " + event.header().sealingKeyId()
                        + ", which keys.json no longer holds");
            }
            plaintext = event.openPayload(key.get());
            return changes.applyHeld(repositories, new HouseholdChanges.Change(event.header(), entry.projectionSeq(),
                    HouseholdChange.fromJson(plaintext)));
        } catch (MalformedEncodingException | UnsealException | IllegalArgumentException e) {
            // An event cut to its bare header by an erasure before cuts were sealed reads as no envelope.
            return failed(entry, "its payload no longer opens");
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static Optional<ProjectionFailure> failed(HistoryEntry entry, String reason) {
        return Optional.of(new ProjectionFailure(entry.eventId(), reason));
    }
}

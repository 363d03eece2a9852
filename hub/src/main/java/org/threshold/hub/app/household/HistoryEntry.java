package org.threshold.hub.app.household;

import java.time.Instant;
import java.util.UUID;
import org.threshold.core.event.EventType;

/**
 * One change to a household, as its event recorded it: which event, when ({@code at}, the kiosk's time), from which
 * kiosk and operator, and a summary that names what changed (field paths, consent purposes) but never a value.
 *
 * @param projectionSeq the event's projection sequence: a household's entries in its kiosk's chain order
 */
public record HistoryEntry(UUID eventId, UUID householdId, long projectionSeq, EventType eventType, Instant at,
                           String kioskId, String operator, String summary) {
}

package org.threshold.hub.app.household;

import java.util.UUID;

/** An event the projection skipped, and why; the reason never holds personal data. */
public record ProjectionFailure(UUID eventId, String reason) {
}

package org.threshold.hub.app.sync;

import java.util.UUID;

/** One event of a kiosk's chain as the hub holds it: where in the chain, which event, its hash. */
public record HeldEvent(long sequence, UUID eventId, byte[] hash) {
}

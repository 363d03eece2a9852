package org.threshold.hub.app.sync;

import java.util.Optional;
import org.threshold.core.event.ChainPosition;

/**
 * What became of a batch: the kiosk's head afterwards (the highest contiguous event the hub holds), how many
 * events were newly stored and how many were already held, and the rejection that stopped it, if any.
 */
public record IngestOutcome(ChainPosition head, int stored, int duplicates, Optional<Rejection> rejection) {
}

package org.threshold.hub.app.sync;

/** An event envelope as stored, with its projection sequence: the order projections read events in. */
public record StoredEvent(long sequence, byte[] envelope) {
}

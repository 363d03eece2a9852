package org.threshold.hub.store;

/** An event envelope as stored, with its position in the hub's storage order. */
public record StoredEvent(long position, byte[] envelope) {
}

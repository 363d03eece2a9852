package org.threshold.hub.store;

import java.util.List;
import java.util.function.Function;

/** Every kiosk's events as the hub holds them, each kiosk's chain with its head. */
public interface EventStore {

    /**
     * Runs {@code work} with exclusive write access to one kiosk's chain, in one transaction: what it
     * appends is committed durably, all of it or, if it throws, none.
     */
    <T> T withChain(String kioskId, Function<KioskChain, T> work);

    /** Up to {@code limit} events stored after {@code position}, in the order they were stored. */
    List<StoredEvent> after(long position, int limit);

    /** The position of the last event stored, 0 if none. */
    long lastPosition();
}

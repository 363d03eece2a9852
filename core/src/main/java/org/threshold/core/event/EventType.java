package org.threshold.core.event;

import java.util.Arrays;
import java.util.Optional;

/** What an event records. The wire name is part of the signed header, so it never changes. */
public enum EventType {
    /** A household with its members, needs, consent and the token issued to it, in one fact. */
    HOUSEHOLD_REGISTERED("HouseholdRegistered");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}

package org.threshold.core.referral;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How soon the receiving service must act on a referral; the due time is the request time plus {@link #dueIn()}. */
public enum Urgency {
    EMERGENCY("emergency", Duration.ofHours(1)),
    URGENT("urgent", Duration.ofHours(3)),
    PRIORITY("priority", Duration.ofDays(1)),
    NORMAL("normal", Duration.ofDays(3));

    private final String wireName;
    private final Duration dueIn;

    Urgency(String wireName, Duration dueIn) {
        this.wireName = wireName;
        this.dueIn = dueIn;
    }

    public String wireName() {
        return wireName;
    }

    public Duration dueIn() {
        return dueIn;
    }

    /** The more urgent of the two (the one due sooner). */
    public Urgency mostUrgent(Urgency other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public static Optional<Urgency> fromWireName(String name) {
        return Arrays.stream(values()).filter(urgency -> urgency.wireName.equals(name)).findFirst();
    }
}

package org.threshold.hub.app.duplicate;

import java.util.Arrays;
import java.util.Optional;

/** Where a potential duplicate stands, as DHIS2 names it: waiting for a supervisor, dismissed, or merged. */
public enum DuplicateStatus {
    OPEN, NOT_DUPLICATE, MERGED;

    /** The status of this name, if it is one. */
    public static Optional<DuplicateStatus> fromName(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }
}

package org.threshold.kiosk.registration;

import java.util.List;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;

/** A household registered here has a member with the same name skeleton and birth year; nothing was stored. */
public final class PossibleDuplicateException extends RuntimeException {
    private final transient List<StoredRegistration> candidates;

    PossibleDuplicateException(List<StoredRegistration> candidates) {
        super(candidates.size() + " possible duplicate(s)");
        this.candidates = List.copyOf(candidates);
    }

    public List<StoredRegistration> candidates() {
        return candidates;
    }
}

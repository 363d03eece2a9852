package org.threshold.hub.app.household;

import java.util.List;
import java.util.UUID;

/** Each household's changes in order, for caseworkers and the data protection officer; no personal data. */
public interface HouseholdHistoryRepository {

    /** Appends the entry; one already recorded for its event stays as it was (projecting again changes nothing). */
    void record(HistoryEntry entry);

    /** The household's entries, oldest first. */
    List<HistoryEntry> of(UUID householdId);
}

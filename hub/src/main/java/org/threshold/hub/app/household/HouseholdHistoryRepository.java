package org.threshold.hub.app.household;

import java.util.List;
import java.util.UUID;

/** Each household's changes in order, for caseworkers and the data protection officer; no personal data. */
public interface HouseholdHistoryRepository {

    /** Appends the entry; one already recorded for its event stays as it was (projecting again changes nothing). */
    void record(HistoryEntry entry);

    /** Replaces the summary of the entry recorded for {@code eventId}: a held change, applied or held again. */
    void resummarize(UUID eventId, String summary);

    /** The household's entries, oldest first. */
    List<HistoryEntry> of(UUID householdId);
}

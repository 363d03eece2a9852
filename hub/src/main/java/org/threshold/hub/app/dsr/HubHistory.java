package org.threshold.hub.app.dsr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.UUID;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.household.ChangeSummary;
import org.threshold.hub.app.household.HistoryEntry;

/** Writes a hub event about a household into the household's history, beside its kiosk's changes. */
final class HubHistory {
    private HubHistory() {
    }

    /**
     * Orders it after every kiosk event projected when the data protection officer acted: the history sorts by
     * projection sequence, which hub events appended in a change's own transaction do not have yet.
     */
    static void record(Repositories repositories, SignedEvent event, UUID householdId, String actor) {
        record(repositories, event, householdId, actor, MissingNode.getInstance());
    }

    /** @param details what changed, as a kiosk's correction says it (field paths), for its summary */
    static void record(Repositories repositories, SignedEvent event, UUID householdId, String actor,
                       JsonNode details) {
        repositories.householdHistory().record(new HistoryEntry(event.header().eventId(), householdId,
                repositories.events().lastSequenced(), event.header().type(), event.header().recordedAt(),
                HubEvents.CHAIN, actor, ChangeSummary.of(event.header().type(), details, MissingNode.getInstance())));
    }
}

package org.threshold.hub.store;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.core.event.EventType;
import org.threshold.hub.app.household.HistoryEntry;
import org.threshold.hub.app.household.HouseholdHistoryRepository;

/** Event types are kept by their wire name, as the signed headers spell them. */
interface HouseholdHistorySql extends HouseholdHistoryRepository, SqlObject {

    @SqlUpdate("INSERT INTO household_history (event_id, household_id, projection_seq, event_type, at, kiosk_id, "
            + "operator, summary) VALUES (:eventId, :householdId, :seq, :type, :at, :kioskId, :operator, :summary) "
            + "ON CONFLICT (event_id) DO NOTHING")
    void insert(@Bind("eventId") UUID eventId, @Bind("householdId") UUID householdId, @Bind("seq") long seq,
                @Bind("type") String type, @Bind("at") java.time.Instant at, @Bind("kioskId") String kioskId,
                @Bind("operator") String operator, @Bind("summary") String summary);

    @Override
    default void record(HistoryEntry entry) {
        insert(entry.eventId(), entry.householdId(), entry.projectionSeq(), entry.eventType().wireName(), entry.at(),
                entry.kioskId(), entry.operator(), entry.summary());
    }

    @Override
    @SqlUpdate("UPDATE household_history SET summary = :summary WHERE event_id = :eventId")
    void resummarize(@Bind("eventId") UUID eventId, @Bind("summary") String summary);

    @Override
    default List<HistoryEntry> of(UUID householdId) {
        return getHandle().createQuery("SELECT event_id, household_id, projection_seq, event_type, at, kiosk_id, "
                        + "operator, summary FROM household_history WHERE household_id = :householdId "
                        + "ORDER BY projection_seq, at, event_id")
                .bind("householdId", householdId)
                .map((rows, context) -> new HistoryEntry(UUID.fromString(rows.getString(1)),
                        UUID.fromString(rows.getString(2)), rows.getLong(3),
                        EventType.fromWireName(rows.getString(4)).orElseThrow(() ->
                                new IllegalStateException("household_history holds an unknown event type")),
                        java.time.Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6), rows.getString(7),
                        rows.getString(8)))
                .list();
    }
}

package org.threshold.hub.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;
import org.threshold.hub.app.household.ProjectionFailure;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.ReferralRepository;

interface ReferralSql extends ReferralRepository, SqlObject {
    String COLUMNS = "referral_id, household_id, service, status, urgency, requested_at, due_at, basis, people_json, "
            + "event_id, created_at, updated_at";
    String EVENT_COLUMNS = "event_id, referral_id, type, status, recorded_at, payload_json";
    String ID_CLASH = "referral id already projected from another event";
    ObjectMapper JSON = new ObjectMapper();

    /** Which event requested each of these referral ids, by id. */
    default Map<String, String> requestsHolding(List<String> referralIds) {
        Map<String, String> held = new HashMap<>();
        getHandle().createQuery("SELECT referral_id, event_id FROM referrals WHERE referral_id IN (<ids>)")
                .bindList("ids", referralIds)
                .map((rows, context) -> held.put(rows.getString(1), rows.getString(2))).forEach(ignored -> { });
        return held;
    }

    /**
     * Checks first, then inserts, as {@code HouseholdSql} does: a failed insert would end a PostgreSQL transaction,
     * and only the projector, while it holds its turn, inserts referrals.
     */
    @Override
    default List<ProjectionFailure> insertRequested(List<NewReferral> referrals) {
        if (referrals.isEmpty()) {
            return List.of();
        }
        Map<String, String> held = requestsHolding(referrals.stream()
                .map(created -> created.referral().referralId().toString()).toList());
        List<ProjectionFailure> refused = new ArrayList<>();
        PreparedBatch rows = getHandle().prepareBatch("INSERT INTO referrals (" + COLUMNS + ") VALUES (:referralId, "
                + ":householdId, :service, :status, :urgency, :requestedAt, :dueAt, :basis, :peopleJson, :eventId, "
                + ":createdAt, :updatedAt)");
        PreparedBatch events = getHandle().prepareBatch("INSERT INTO referral_events (" + EVENT_COLUMNS + ") VALUES "
                + "(:eventId, :referralId, :type, :status, :recordedAt, :payloadJson)");
        for (NewReferral created : referrals) {
            ReferralRecord referral = created.referral();
            String event = referral.eventId().toString();
            String holder = held.putIfAbsent(referral.referralId().toString(), event);
            if (event.equals(holder)) {
                continue;
            }
            if (holder != null) {
                refused.add(new ProjectionFailure(referral.eventId(), ID_CLASH));
                continue;
            }
            rows.bind("referralId", referral.referralId()).bind("householdId", referral.householdId())
                    .bind("service", referral.service()).bind("status", referral.status().name())
                    .bind("urgency", referral.urgency().wireName()).bind("requestedAt", referral.requestedAt())
                    .bind("dueAt", referral.dueAt()).bind("basis", referral.basis().wireName())
                    .bind("peopleJson", writePeople(referral.people())).bind("eventId", referral.eventId())
                    .bind("createdAt", referral.createdAt()).bind("updatedAt", referral.updatedAt()).add();
            ReferralEventRecord request = created.request();
            events.bind("eventId", request.eventId()).bind("referralId", request.referralId())
                    .bind("type", request.type()).bind("status", request.status().name())
                    .bind("recordedAt", request.recordedAt()).bind("payloadJson", request.payloadJson()).add();
        }
        if (rows.size() > 0) {
            rows.execute();
            events.execute();
        }
        return refused;
    }

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM referrals WHERE referral_id = :id")
    @RegisterRowMapper(ReferralSql.Rows.class)
    Optional<ReferralRecord> find(@Bind("id") UUID referralId);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM referrals WHERE household_id = :id ORDER BY due_at, referral_id")
    @RegisterRowMapper(ReferralSql.Rows.class)
    List<ReferralRecord> forHousehold(@Bind("id") UUID householdId);

    @Override
    @SqlQuery("SELECT " + EVENT_COLUMNS + " FROM referral_events WHERE referral_id = :id ORDER BY recorded_at, event_id")
    @RegisterRowMapper(ReferralSql.EventRows.class)
    List<ReferralEventRecord> history(@Bind("id") UUID referralId);

    @Override
    @SqlQuery("SELECT COUNT(*) FROM referrals")
    long count();

    static String writePeople(List<ReferredPerson> people) {
        ArrayNode list = JSON.createArrayNode();
        for (ReferredPerson person : people) {
            ArrayNode needs = list.addObject().put("member", person.member()).putArray("needs");
            person.needs().forEach(needs::add);
        }
        return list.toString();
    }

    static List<ReferredPerson> readPeople(String json) {
        try {
            List<ReferredPerson> people = new ArrayList<>();
            for (JsonNode person : JSON.readTree(json)) {
                List<String> needs = new ArrayList<>();
                person.get("needs").forEach(code -> needs.add(code.textValue()));
                people.add(new ReferredPerson(person.get("member").intValue(), needs));
            }
            return people;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored referral's people are not JSON", e);
        }
    }

    final class Rows implements org.jdbi.v3.core.mapper.RowMapper<ReferralRecord> {
        @Override
        public ReferralRecord map(ResultSet rows, StatementContext context) throws SQLException {
            return new ReferralRecord(UUID.fromString(rows.getString("referral_id")),
                    UUID.fromString(rows.getString("household_id")), rows.getString("service"),
                    ReferralStatus.valueOf(rows.getString("status")),
                    Urgency.fromWireName(rows.getString("urgency")).orElseThrow(),
                    Instant.ofEpochMilli(rows.getLong("requested_at")), Instant.ofEpochMilli(rows.getLong("due_at")),
                    LegalBasis.fromWireName(rows.getString("basis")).orElseThrow(),
                    readPeople(rows.getString("people_json")), UUID.fromString(rows.getString("event_id")),
                    Instant.ofEpochMilli(rows.getLong("created_at")), Instant.ofEpochMilli(rows.getLong("updated_at")));
        }
    }

    final class EventRows implements org.jdbi.v3.core.mapper.RowMapper<ReferralEventRecord> {
        @Override
        public ReferralEventRecord map(ResultSet rows, StatementContext context) throws SQLException {
            return new ReferralEventRecord(UUID.fromString(rows.getString("event_id")),
                    UUID.fromString(rows.getString("referral_id")), rows.getString("type"),
                    ReferralStatus.valueOf(rows.getString("status")),
                    Instant.ofEpochMilli(rows.getLong("recorded_at")), rows.getString("payload_json"));
        }
    }
}

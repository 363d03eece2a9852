package org.threshold.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
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
    /** How many columns {@link #COLUMNS} names. */
    int COLUMN_COUNT = 12;
    String EVENT_COLUMNS = "event_id, referral_id, type, status, recorded_at, payload_json";
    String ID_CLASH = "referral id already projected from another event";

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
        SortedMap<CountKey, Long> added = new TreeMap<>();
        Map<UUID, String> sites = ReportSqlReferrals.sites(getHandle(), referrals.stream()
                .map(created -> created.referral().householdId()).toList());
        ReportSqlReferrals reported = new ReportSqlReferrals();
        PreparedBatch rows = getHandle().prepareBatch("INSERT INTO referrals (" + COLUMNS + ", site) VALUES "
                + "(:referralId, :householdId, :service, :status, :urgency, :requestedAt, :dueAt, :basis, :peopleJson, "
                + ":eventId, :createdAt, :updatedAt, :site)");
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
            String site = sites.getOrDefault(referral.householdId(), ReportSqlReferrals.NO_SITE);
            reported.add(new ReportSqlReferrals.Kept(referral.requestedAt(), site, referral.service(),
                    referral.status().name(), null), 1);
            rows.bind("referralId", referral.referralId()).bind("householdId", referral.householdId())
                    .bind("service", referral.service()).bind("status", referral.status().name())
                    .bind("urgency", referral.urgency().wireName()).bind("requestedAt", referral.requestedAt())
                    .bind("dueAt", referral.dueAt()).bind("basis", referral.basis().wireName())
                    .bind("peopleJson", ReferralPeopleJson.write(referral.people())).bind("eventId", referral.eventId())
                    .bind("createdAt", referral.createdAt()).bind("updatedAt", referral.updatedAt())
                    .bind("site", site).add();
            ReferralEventRecord request = created.request();
            events.bind("eventId", request.eventId()).bind("referralId", request.referralId())
                    .bind("type", request.type()).bind("status", request.status().name())
                    .bind("recordedAt", request.recordedAt()).bind("payloadJson", request.payloadJson()).add();
            added.merge(new CountKey(referral.service(), referral.status()), 1L, Long::sum);
        }
        if (rows.size() > 0) {
            rows.execute();
            events.execute();
            addToCounts(added);
            reported.apply(getHandle());
            Set<String> services = new TreeSet<>();
            referrals.forEach(created -> services.add(created.referral().service()));
            changed(services, referrals.get(0).referral().updatedAt());
        }
        return refused;
    }

    @Override
    default void recordChange(ReferralRecord before, ReferralRecord after, ReferralEventRecord event) {
        ReportSqlReferrals.Kept kept = ReportSqlReferrals.kept(getHandle(), "referral_id",
                List.of(after.referralId())).get(after.referralId());
        getHandle().createUpdate("UPDATE referrals SET service = :service, status = :status, basis = :basis, "
                        + "updated_at = :updatedAt WHERE referral_id = :referralId")
                .bind("service", after.service()).bind("status", after.status().name())
                .bind("basis", after.basis().wireName()).bind("updatedAt", after.updatedAt())
                .bind("referralId", after.referralId()).execute();
        getHandle().createUpdate("INSERT INTO referral_events (" + EVENT_COLUMNS + ") VALUES (:eventId, :referralId, "
                        + ":type, :status, :recordedAt, :payloadJson)")
                .bind("eventId", event.eventId()).bind("referralId", event.referralId()).bind("type", event.type())
                .bind("status", event.status().name()).bind("recordedAt", event.recordedAt())
                .bind("payloadJson", event.payloadJson()).execute();
        if (event.status() == ReferralStatus.ACCEPTED) {
            // The first acceptance, for the reports' wait: events may be projected out of their recorded order.
            getHandle().createUpdate("UPDATE referrals SET accepted_at = :at WHERE referral_id = :referralId "
                            + "AND (accepted_at IS NULL OR accepted_at > :at)")
                    .bind("at", event.recordedAt()).bind("referralId", event.referralId()).execute();
        }
        boolean firstAcceptance = event.status() == ReferralStatus.ACCEPTED
                && (kept.acceptedAt() == null || kept.acceptedAt().isAfter(event.recordedAt()));
        new ReportSqlReferrals().move(kept, new ReportSqlReferrals.Kept(kept.requestedAt(), kept.site(),
                after.service(), after.status().name(), firstAcceptance ? event.recordedAt() : kept.acceptedAt()))
                .apply(getHandle());
        SortedMap<CountKey, Long> moved = new TreeMap<>();
        moved.merge(new CountKey(before.service(), before.status()), -1L, Long::sum);
        moved.merge(new CountKey(after.service(), after.status()), 1L, Long::sum);
        addToCounts(moved);
        changed(new TreeSet<>(List.of(before.service(), after.service())), after.updatedAt());
    }

    /** One row of {@code referral_status_counts}, ordered by service, then status name (the rows' lock order). */
    record CountKey(String service, ReferralStatus status) implements Comparable<CountKey> {
        private static final Comparator<CountKey> ORDER = Comparator.comparing(CountKey::service)
                .thenComparing(key -> key.status().name());

        @Override
        public int compareTo(CountKey other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * Adds each delta to the count of its service and status, in key order so that two
     * transactions never wait on each other's rows in opposite orders. A delta of zero (a note; a change that left
     * the status and service as they were) touches nothing.
     */
    default void addToCounts(SortedMap<CountKey, Long> deltas) {
        PreparedBatch add = getHandle().prepareBatch("INSERT INTO referral_status_counts (service, status, total) "
                + "VALUES (:service, :status, :delta) ON CONFLICT (service, status) DO UPDATE SET "
                + "total = referral_status_counts.total + excluded.total");
        deltas.forEach((key, delta) -> {
            if (delta != 0) {
                add.bind("service", key.service()).bind("status", key.status().name()).bind("delta", delta).add();
            }
        });
        if (add.size() > 0) {
            add.execute();
        }
    }

    @Override
    default void replacePeople(Map<UUID, List<ReferredPerson>> peopleByReferral) {
        if (!peopleByReferral.isEmpty()) {
            PreparedBatch update = getHandle().prepareBatch("UPDATE referrals SET people_json = :people "
                    + "WHERE referral_id = :id");
            peopleByReferral.forEach((id, people) -> update.bind("id", id).bind("people", ReferralPeopleJson.write(people)).add());
            update.execute();
        }
    }

    @Override
    default void moveToHousehold(List<UUID> referralIds, UUID householdId) {
        if (!referralIds.isEmpty()) {
            getHandle().createUpdate("UPDATE referrals SET household_id = :householdId WHERE referral_id IN (<ids>)")
                    .bind("householdId", householdId)
                    .bindList("ids", referralIds.stream().map(UUID::toString).toList()).execute();
            ReportSqlReferrals.moveTo(getHandle(), referralIds, ReportSqlReferrals.sites(getHandle(),
                    List.of(householdId)).getOrDefault(householdId, ReportSqlReferrals.NO_SITE));
        }
    }

    /**
     * Raises the change counter of each service, in name order so that two transactions never wait on each
     * other's rows in opposite orders.
     */
    default void changed(Set<String> services, Instant at) {
        PreparedBatch bump = getHandle().prepareBatch("INSERT INTO referral_service_changes (service, version, "
                + "changed_at) VALUES (:service, 1, :at) ON CONFLICT (service) DO UPDATE SET "
                + "version = referral_service_changes.version + 1, changed_at = excluded.changed_at");
        new TreeSet<>(services).forEach(service -> bump.bind("service", service).bind("at", at).add());
        bump.execute();
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
    /**
     * In the order the events were stored: the hub's changes to one referral are appended one after the other (the
     * hub chain's lock), so a later change has a later position even within one millisecond.
     */
    @SqlQuery("SELECT r.event_id, r.referral_id, r.type, r.status, r.recorded_at, r.payload_json FROM referral_events r "
            + "LEFT JOIN events e ON e.event_id = r.event_id WHERE r.referral_id = :id "
            + "ORDER BY COALESCE(e.position, 0), r.recorded_at, r.event_id")
    @RegisterRowMapper(ReferralSql.EventRows.class)
    List<ReferralEventRecord> history(@Bind("id") UUID referralId);

    @Override
    @SqlQuery("SELECT COUNT(*) FROM referrals")
    long count();

    @Override
    default void redact(UUID referralId, Map<UUID, String> payloadsByEvent, Instant at, String cause) {
        if (!payloadsByEvent.isEmpty()) {
            PreparedBatch update = getHandle().prepareBatch("UPDATE referral_events SET payload_json = :payload "
                    + "WHERE event_id = :eventId AND referral_id = :referralId");
            payloadsByEvent.forEach((event, payload) -> update.bind("payload", payload).bind("eventId", event)
                    .bind("referralId", referralId).add());
            update.execute();
        }
        getHandle().createUpdate("INSERT INTO referral_redactions (referral_id, redacted_at, cause) VALUES "
                        + "(:referralId, :at, :cause) ON CONFLICT (referral_id) DO NOTHING")
                .bind("referralId", referralId).bind("at", at).bind("cause", cause).execute();
    }

    /** Every status that is not open, so the index on update time narrows the rows and the status filters them. */
    @Override
    default List<ReferralRecord> closedBefore(Instant before, int limit) {
        List<String> closed = java.util.Arrays.stream(ReferralStatus.values()).filter(status -> !status.open())
                .map(ReferralStatus::name).toList();
        return getHandle().createQuery("SELECT " + COLUMNS + " FROM referrals r WHERE updated_at < :before "
                        + "AND status IN (<closed>) AND NOT EXISTS (SELECT 1 FROM referral_redactions d "
                        + "WHERE d.referral_id = r.referral_id) ORDER BY updated_at, referral_id LIMIT :limit")
                .bind("before", before).bindList("closed", closed).bind("limit", limit)
                .map(new Rows()).list();
    }

    final class Rows implements org.jdbi.v3.core.mapper.RowMapper<ReferralRecord> {
        @Override
        public ReferralRecord map(ResultSet rows, StatementContext context) throws SQLException {
            return referral(rows, 1);
        }
    }

    /**
     * The referral in the {@link #COLUMN_COUNT} columns of the current row from {@code first}, in {@link #COLUMNS}'
     * order: read by position, since a label is looked up by name on every read.
     */
    static ReferralRecord referral(ResultSet rows, int first) throws SQLException {
        return new ReferralRecord(UUID.fromString(rows.getString(first)), UUID.fromString(rows.getString(first + 1)),
                rows.getString(first + 2), ReferralStatus.valueOf(rows.getString(first + 3)),
                Urgency.fromWireName(rows.getString(first + 4)).orElseThrow(),
                Instant.ofEpochMilli(rows.getLong(first + 5)), Instant.ofEpochMilli(rows.getLong(first + 6)),
                LegalBasis.fromWireName(rows.getString(first + 7)).orElseThrow(),
                ReferralPeopleJson.read(rows.getString(first + 8)), UUID.fromString(rows.getString(first + 9)),
                Instant.ofEpochMilli(rows.getLong(first + 10)), Instant.ofEpochMilli(rows.getLong(first + 11)));
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

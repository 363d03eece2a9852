package org.threshold.hub.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdRepository;
import org.threshold.hub.app.household.ProjectionFailure;
import org.threshold.hub.app.household.SealedHousehold;

interface HouseholdSql extends HouseholdRepository, SqlObject {
    String COLUMNS = "household_id, token_id, token_kiosk_id, token_issued_on, kiosk_id, site, registered_at, "
            + "event_id, key_id, wrapped_key, sealed_json, erased_at";

    // Values bound in one read (each term also one subquery): well under either database's limits.
    int TERMS_PER_READ = 200;

    String ID_CLASH = "household id already projected under another token";
    String TOKEN_CLASH = "token already projected for another household";

    /** Which event stored each of these household ids, by id. */
    default Map<String, String> eventsHolding(List<String> householdIds) {
        Map<String, String> held = new HashMap<>();
        getHandle().createQuery("SELECT household_id, event_id FROM households WHERE household_id IN (<ids>)")
                .bindList("ids", householdIds)
                .map((rows, context) -> held.put(rows.getString(1), rows.getString(2))).forEach(ignored -> { });
        return held;
    }

    /** Which event stored each of these tokens, by token in hex. */
    default Map<String, String> eventsHoldingTokens(List<byte[]> tokens) {
        Map<String, String> held = new HashMap<>();
        getHandle().createQuery("SELECT token_id, event_id FROM households WHERE token_id IN (<tokens>)")
                .bindList("tokens", tokens)
                .map((rows, context) -> held.put(Bytes.hex(rows.getBytes(1)), rows.getString(2)))
                .forEach(ignored -> { });
        return held;
    }

    /**
     * Checks first, then inserts: a failed insert would end a PostgreSQL transaction, and only the projector, while
     * it holds its turn, inserts households, so nothing comes between the check and the insert.
     */
    @Override
    default List<ProjectionFailure> insertNew(List<SealedHousehold> households) {
        if (households.isEmpty()) {
            return List.of();
        }
        Map<String, String> heldIds = eventsHolding(households.stream()
                .map(household -> household.householdId().toString()).toList());
        Map<String, String> heldTokens = eventsHoldingTokens(households.stream()
                .map(household -> household.tokenId().toBytes()).toList());
        List<ProjectionFailure> refused = new ArrayList<>();
        List<SealedHousehold> fresh = new ArrayList<>(households.size());
        for (SealedHousehold household : households) {
            String event = household.eventId().toString();
            // putIfAbsent also catches a repeat inside this very list.
            String idHolder = heldIds.putIfAbsent(household.householdId().toString(), event);
            String tokenHolder = heldTokens.putIfAbsent(Bytes.hex(household.tokenId().toBytes()), event);
            if (event.equals(idHolder) && event.equals(tokenHolder)) {
                continue;
            }
            if (idHolder != null || tokenHolder != null) {
                refused.add(new ProjectionFailure(household.eventId(), idHolder != null ? ID_CLASH : TOKEN_CLASH));
                continue;
            }
            fresh.add(household);
        }
        insertRows(fresh);
        return refused;
    }

    /** Plain JDBC, as {@link #index}: twelve columns bound by name per household cost more than its insert. */
    private void insertRows(List<SealedHousehold> households) {
        if (households.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = getHandle().getConnection().prepareStatement(HouseholdRows.INSERT)) {
            for (SealedHousehold household : households) {
                HouseholdRows.add(insert, household);
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("Could not store households: " + HouseholdRows.INSERT, e, null);
        }
    }

    @SqlBatch("INSERT INTO projection_failures (event_id, reason, failed_at) VALUES (:eventId, :reason, :at) "
            + "ON CONFLICT (event_id) DO UPDATE SET reason = excluded.reason, failed_at = excluded.failed_at")
    void insertFailures(@BindMethods List<ProjectionFailure> failures, @Bind("at") Instant at);

    @Override
    default void recordFailures(List<ProjectionFailure> failures, Instant at) {
        if (!failures.isEmpty()) {
            insertFailures(failures, at);
        }
    }

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM households WHERE token_id = :tokenId")
    @RegisterConstructorMapper(SealedHousehold.class)
    Optional<SealedHousehold> findByToken(@Bind("tokenId") TokenId tokenId);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM households WHERE household_id = :householdId")
    @RegisterConstructorMapper(SealedHousehold.class)
    Optional<SealedHousehold> findById(@Bind("householdId") UUID householdId);

    @Override
    default Map<UUID, SealedHousehold> findByIds(Collection<UUID> householdIds) {
        Map<UUID, SealedHousehold> found = new HashMap<>();
        if (householdIds.isEmpty()) {
            return found;
        }
        List<String> ids = householdIds.stream().map(UUID::toString).distinct().toList();
        // In slices: the duplicate check asks for every candidate of a projection chunk at once.
        for (int from = 0; from < ids.size(); from += TERMS_PER_READ) {
            getHandle().createQuery("SELECT " + COLUMNS + " FROM households WHERE household_id IN (<ids>)")
                    .bindList("ids", ids.subList(from, Math.min(from + TERMS_PER_READ, ids.size())))
                    .map(ConstructorMapper.of(SealedHousehold.class))
                    .forEach(household -> found.put(household.householdId(), household));
        }
        return found;
    }

    @SqlUpdate("UPDATE households SET token_id = :tokenId, token_kiosk_id = :tokenKioskId, "
            + "token_issued_on = :tokenIssuedOn, key_id = :keyId, wrapped_key = :wrappedKey, sealed_json = :sealedJson "
            + "WHERE household_id = :householdId AND erased_at IS NULL")
    int update(@BindMethods SealedHousehold household);

    @Override
    default boolean replace(SealedHousehold household) {
        return update(household) == 1;
    }

    @Override
    default void index(Map<UUID, List<byte[]>> termsByHousehold) {
        if (termsByHousehold.isEmpty()) {
            return;
        }
        deleteTerms(termsByHousehold.keySet().stream().map(UUID::toString).toList());
        // Plain JDBC: some 20 rows a household, where jdbi's binding by name cost more per row than the insert.
        String sql = "INSERT INTO household_terms (term, household_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
        try (PreparedStatement insert = getHandle().getConnection().prepareStatement(sql)) {
            for (Map.Entry<UUID, List<byte[]>> household : termsByHousehold.entrySet()) {
                String householdId = household.getKey().toString();
                for (byte[] term : household.getValue()) {
                    insert.setBytes(1, term);
                    insert.setString(2, householdId);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("Could not index households: " + sql, e, null);
        }
    }

    @SqlUpdate("DELETE FROM household_terms WHERE household_id IN (<ids>)")
    void deleteTerms(@BindList("ids") List<String> householdIds);

    /** One {@code term IN (...)} per group, intersected: the households that match every group. */
    @Override
    default List<UUID> findByTerms(List<List<byte[]>> groups, int limit) {
        if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder();
        for (int group = 0; group < groups.size(); group++) {
            sql.append(group == 0 ? "" : " INTERSECT ")
                    .append("SELECT household_id FROM household_terms WHERE term IN (<g").append(group).append(">)");
        }
        Query query = getHandle().createQuery(sql + " LIMIT :limit").bind("limit", limit);
        for (int group = 0; group < groups.size(); group++) {
            query.bindList("g" + group, groups.get(group));
        }
        return query.mapTo(UUID.class).list();
    }

    /**
     * One statement per {@value #TERMS_PER_READ} terms: a limited subquery per term, so a term thousands of households
     * share costs {@code limit} index entries, not thousands.
     */
    @Override
    default List<List<UUID>> holdingEach(List<byte[]> terms, int limit) {
        List<List<UUID>> holding = new ArrayList<>(terms.size());
        for (int from = 0; from < terms.size(); from += TERMS_PER_READ) {
            List<byte[]> slice = terms.subList(from, Math.min(from + TERMS_PER_READ, terms.size()));
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < slice.size(); i++) {
                holding.add(new ArrayList<>());
                sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(from + i).append(" AS i, household_id ")
                        .append("FROM (SELECT household_id FROM household_terms WHERE term = :t").append(i)
                        .append(" LIMIT :limit) AS t").append(i);
            }
            Query query = getHandle().createQuery(sql.toString()).bind("limit", limit);
            for (int i = 0; i < slice.size(); i++) {
                query.bind("t" + i, slice.get(i));
            }
            query.map((rows, context) -> holding.get(rows.getInt(1)).add(UUID.fromString(rows.getString(2))))
                    .forEach(ignored -> { });
        }
        return holding;
    }

    @SqlUpdate("UPDATE households SET wrapped_key = NULL, sealed_json = NULL, erased_at = :at "
            + "WHERE household_id = :householdId AND erased_at IS NULL")
    int shred(@Bind("householdId") UUID householdId, @Bind("at") Instant at);

    @Override
    default boolean erase(UUID householdId, Instant at) {
        deleteTerms(List.of(householdId.toString()));
        return shred(householdId, at) == 1;
    }

    @Override
    @SqlQuery("SELECT COUNT(*) FROM households")
    long count();

    /**
     * registered_at is the kiosk's ISO-8601 text, which sorts as time does (to within the second a fraction is
     * written in), so it compares with the cut-off as text; the history and referrals keep epoch milliseconds.
     */
    @Override
    default List<UUID> inactiveSince(Instant since, int limit) {
        return getHandle().createQuery("SELECT household_id FROM households h WHERE erased_at IS NULL "
                        + "AND registered_at < :sinceText "
                        + "AND NOT EXISTS (SELECT 1 FROM household_history c WHERE c.household_id = h.household_id "
                        + "AND c.at >= :since) "
                        + "AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.household_id = h.household_id "
                        + "AND r.updated_at >= :since) ORDER BY registered_at, household_id LIMIT :limit")
                .bind("sinceText", since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .bind("since", since).bind("limit", limit).mapTo(UUID.class).list();
    }

    @Override
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM households WHERE key_id <> :keyId)")
    boolean sealedUnderOtherKey(@Bind("keyId") String keyId);

    @Override
    default List<HouseholdRecord> unsealed(int limit) {
        // Mapped by hand: the record has two constructors of the same arity (its JSON as text or as bytes).
        return getHandle().createQuery("SELECT household_id, token_id, token_kiosk_id, token_issued_on, kiosk_id, "
                        + "site, registered_at, household_json, event_id FROM households_unsealed "
                        + "ORDER BY household_id LIMIT :limit")
                .bind("limit", limit)
                .map((rows, context) -> new HouseholdRecord(Columns.uuid(rows, 1), Columns.tokenId(rows, 2),
                        rows.getString(3), Columns.date(rows, 4), rows.getString(5), rows.getString(6),
                        Columns.instant(rows, 7), rows.getString(8), Columns.uuid(rows, 9)))
                .list();
    }

    @Override
    default void dropUnsealed(List<UUID> householdIds) {
        if (!householdIds.isEmpty()) {
            deleteUnsealed(householdIds.stream().map(UUID::toString).toList());
        }
    }

    @SqlUpdate("DELETE FROM households_unsealed WHERE household_id IN (<ids>)")
    void deleteUnsealed(@BindList("ids") List<String> householdIds);

    @Override
    @SqlQuery("SELECT COUNT(*) FROM projection_failures")
    long failureCount();

    @Override
    @SqlUpdate("DELETE FROM projection_failures WHERE event_id = :eventId")
    void clearFailure(@Bind("eventId") UUID eventId);
}

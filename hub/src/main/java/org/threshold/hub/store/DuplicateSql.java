package org.threshold.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.core.search.DuplicateRule;
import org.threshold.hub.app.duplicate.DuplicatePair;
import org.threshold.hub.app.duplicate.DuplicateRepository;
import org.threshold.hub.app.duplicate.DuplicateStatus;
import org.threshold.hub.app.duplicate.HouseholdMerge;

interface DuplicateSql extends DuplicateRepository, SqlObject {
    String PAIR_COLUMNS = "pair_id, household_a, household_b, score, reasons, status, found_at, decided_at, decided_by";
    String MERGE_COLUMNS = "merged_id, survivor_id, pair_id, moved_referrals, event_id, merged_at";

    @Override
    default boolean addIfNew(DuplicatePair pair) {
        return getHandle().createUpdate("INSERT INTO duplicate_pairs (" + PAIR_COLUMNS + ") VALUES (:pairId, "
                        + ":householdA, :householdB, :score, :reasons, :status, :foundAt, NULL, NULL) "
                        + "ON CONFLICT (household_a, household_b) DO NOTHING")
                .bind("pairId", pair.pairId()).bind("householdA", pair.householdA())
                .bind("householdB", pair.householdB()).bind("score", pair.score())
                .bind("reasons", pair.reasons().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .bind("status", pair.status().name()).bind("foundAt", pair.foundAt()).execute() == 1;
    }

    @Override
    @SqlQuery("SELECT " + PAIR_COLUMNS + " FROM duplicate_pairs WHERE pair_id = :pairId")
    @RegisterRowMapper(PairMapper.class)
    Optional<DuplicatePair> find(@Bind("pairId") UUID pairId);

    @SqlQuery("SELECT " + PAIR_COLUMNS + " FROM duplicate_pairs WHERE status = :status ORDER BY found_at, pair_id "
            + "LIMIT :limit")
    @RegisterRowMapper(PairMapper.class)
    List<DuplicatePair> listByName(@Bind("status") String status, @Bind("limit") int limit);

    @Override
    default List<DuplicatePair> list(DuplicateStatus status, int limit) {
        return listByName(status.name(), limit);
    }

    @Override
    default boolean decide(UUID pairId, DuplicateStatus from, DuplicateStatus to, Instant at, String by) {
        boolean reopened = to == DuplicateStatus.OPEN;
        return getHandle().createUpdate("UPDATE duplicate_pairs SET status = :to, decided_at = :at, decided_by = :by "
                        + "WHERE pair_id = :pairId AND status = :from")
                .bind("to", to.name()).bind("from", from.name()).bind("pairId", pairId)
                .bindByType("at", reopened ? null : at, Instant.class)
                .bindByType("by", reopened ? null : by, String.class).execute() == 1;
    }

    @Override
    default void recordMerge(HouseholdMerge merge) {
        getHandle().createUpdate("INSERT INTO household_merges (" + MERGE_COLUMNS + ") VALUES (:mergedId, "
                        + ":survivorId, :pairId, :movedReferrals, :eventId, :mergedAt)")
                .bind("mergedId", merge.mergedId()).bind("survivorId", merge.survivorId())
                .bind("pairId", merge.pairId())
                .bind("movedReferrals", merge.movedReferrals().stream().map(UUID::toString)
                        .collect(Collectors.joining(",")))
                .bind("eventId", merge.eventId()).bind("mergedAt", merge.mergedAt()).execute();
    }

    @Override
    @SqlQuery("SELECT " + MERGE_COLUMNS + " FROM household_merges WHERE merged_id = :householdId")
    @RegisterRowMapper(MergeMapper.class)
    Optional<HouseholdMerge> mergeOf(@Bind("householdId") UUID householdId);

    @Override
    @SqlQuery("SELECT " + MERGE_COLUMNS + " FROM household_merges WHERE pair_id = :pairId")
    @RegisterRowMapper(MergeMapper.class)
    Optional<HouseholdMerge> mergeByPair(@Bind("pairId") UUID pairId);

    @Override
    @SqlUpdate("DELETE FROM household_merges WHERE merged_id = :mergedId")
    boolean removeMerge(@Bind("mergedId") UUID mergedId);

    final class PairMapper implements org.jdbi.v3.core.mapper.RowMapper<DuplicatePair> {
        @Override
        public DuplicatePair map(ResultSet rows, StatementContext context) throws SQLException {
            Set<DuplicateRule.Reason> reasons = EnumSet.noneOf(DuplicateRule.Reason.class);
            String names = rows.getString("reasons");
            if (!names.isEmpty()) {
                Arrays.stream(names.split(",")).map(DuplicateRule.Reason::valueOf).forEach(reasons::add);
            }
            long decided = rows.getLong("decided_at");
            Instant decidedAt = rows.wasNull() ? null : Instant.ofEpochMilli(decided);
            return new DuplicatePair(UUID.fromString(rows.getString("pair_id")),
                    UUID.fromString(rows.getString("household_a")), UUID.fromString(rows.getString("household_b")),
                    rows.getInt("score"), reasons, DuplicateStatus.valueOf(rows.getString("status")),
                    Instant.ofEpochMilli(rows.getLong("found_at")), decidedAt, rows.getString("decided_by"));
        }
    }

    final class MergeMapper implements org.jdbi.v3.core.mapper.RowMapper<HouseholdMerge> {
        @Override
        public HouseholdMerge map(ResultSet rows, StatementContext context) throws SQLException {
            List<UUID> moved = new ArrayList<>();
            String ids = rows.getString("moved_referrals");
            if (!ids.isEmpty()) {
                Arrays.stream(ids.split(",")).map(UUID::fromString).forEach(moved::add);
            }
            return new HouseholdMerge(UUID.fromString(rows.getString("merged_id")),
                    UUID.fromString(rows.getString("survivor_id")), UUID.fromString(rows.getString("pair_id")),
                    moved, UUID.fromString(rows.getString("event_id")),
                    Instant.ofEpochMilli(rows.getLong("merged_at")));
        }
    }
}

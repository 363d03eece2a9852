package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.referral.QueueRepository;
import org.threshold.hub.app.referral.ReferralRecord;

/**
 * {@link QueueRepository} in plain JDBC on the transaction's connection: a page is one statement (the referrals,
 * their households and restrictions joined), mapped by hand by position, with no statement machinery between.
 */
final class QueueSql implements QueueRepository {
    // The page statement's columns: the check, the referral's place in the page, its columns, its household's.
    private static final int BEHIND = 1;
    private static final int PLACE = 2;
    private static final int REFERRAL = 3;
    private static final int HOUSEHOLD = REFERRAL + ReferralSql.COLUMN_COUNT;
    private static final int RESTRICTED = HOUSEHOLD + SealedHouseholdColumns.COUNT;

    private final Connection connection;

    QueueSql(Connection connection) {
        this.connection = connection;
    }

    /**
     * The page's referrals as one index range scan (per service, each limited, merged by due time when there are
     * several: a single scan over {@code service IN (...)} could not read in due order and would sort every open
     * referral), numbered in due order; then, by primary key, the household of each referral the page shows and
     * whether it is restricted. The one extra referral read only to learn that a next page exists has neither. Rows
     * come back in no particular order (sorting the joined rows, sealed households included, cost more than the
     * rest of the statement): each is placed by its number. All of it is left-joined to a one-row table holding the
     * projection check, so the statement answers the check even for an empty page, and in the same snapshot.
     */
    @Override
    public QueuePage page(Set<String> services, Optional<ReferralStatus> status, Optional<QueueCursor> after,
                          int limit, String projection) {
        if (services.isEmpty() || limit < 1) {
            return new QueuePage(List.of(), Map.of(), Set.of(), Optional.empty(), false);
        }
        List<String> ordered = List.copyOf(new TreeSet<>(services));
        try {
            return withStatement(pageSql(ordered.size(), status.isPresent(), after.isPresent(), limit), select -> {
                        int parameter = 1;
                        select.setString(parameter++, projection);
                        for (String service : ordered) {
                            select.setString(parameter++, service);
                            if (status.isPresent()) {
                                select.setString(parameter++, status.get().name());
                            }
                            if (after.isPresent()) {
                                select.setLong(parameter++, after.get().dueAt().toEpochMilli());
                                select.setString(parameter++, after.get().referralId().toString());
                            }
                        }
                        try (ResultSet rows = select.executeQuery()) {
                            return page(rows, limit);
                        }
                    });
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    /**
     * The page in {@code rows}, each referral at its place, with the households and restrictions of the first
     * {@code limit}.
     */
    private static QueuePage page(ResultSet rows, int limit) throws SQLException {
        ReferralRecord[] placed = new ReferralRecord[limit + 1];
        Map<UUID, SealedHousehold> households = new HashMap<>();
        Set<UUID> restricted = new HashSet<>();
        boolean behind = false;
        while (rows.next()) {
            behind = rows.getBoolean(BEHIND);
            int place = rows.getInt(PLACE);
            if (rows.wasNull()) {
                // The one row of an empty page: the check alone.
                continue;
            }
            ReferralRecord referral = ReferralSql.referral(rows, REFERRAL);
            placed[place - 1] = referral;
            if (place > limit) {
                continue;
            }
            SealedHousehold household = SealedHouseholdColumns.read(rows, HOUSEHOLD);
            if (household != null) {
                households.put(household.householdId(), household);
            }
            if (rows.getString(RESTRICTED) != null) {
                restricted.add(referral.householdId());
            }
        }
        List<ReferralRecord> page = new ArrayList<>(limit);
        for (int place = 0; place < limit && placed[place] != null; place++) {
            page.add(placed[place]);
        }
        if (placed[limit] == null) {
            return new QueuePage(page, households, restricted, Optional.empty(), behind);
        }
        ReferralRecord last = page.get(limit - 1);
        return new QueuePage(page, households, restricted,
                Optional.of(new QueueCursor(last.dueAt(), last.referralId())), behind);
    }

    /**
     * A page's statement for {@code services} services, with or without a status and a cursor, and {@code limit}
     * referrals. Its parameters: the projection; for each service its name, the status, the cursor's due time and id.
     * The limit is written into the statement: with it bound, PostgreSQL found no plan good for every limit and
     * planned the statement again on each execution, which cost as much of its CPU as running it.
     */
    static String pageSql(int services, boolean status, boolean cursor, int limit) {
        String where = "WHERE service = ?" + (status ? " AND status = ?" : "")
                + (cursor ? " AND (due_at, referral_id) > (?, ?)" : "");
        StringBuilder source = new StringBuilder();
        if (services == 1) {
            source.append("referrals ").append(where);
        } else {
            source.append('(');
            for (int part = 0; part < services; part++) {
                source.append(part == 0 ? "" : " UNION ALL ").append("SELECT * FROM (SELECT ")
                        .append(ReferralSql.COLUMNS).append(" FROM referrals ").append(where)
                        .append(" ORDER BY due_at, referral_id LIMIT ").append(limit + 1).append(") part").append(part);
            }
            source.append(") merged");
        }
        String shown = "CASE WHEN p.place <= " + limit + " THEN p.household_id END";
        return "SELECT check_.behind, p.*, " + SealedHouseholdColumns.select("h") + ", r.household_id "
                + "FROM (SELECT " + LookupSql.BEHIND + " AS behind) check_ "
                + "LEFT JOIN (SELECT ROW_NUMBER() OVER (ORDER BY due_at, referral_id) AS place, " + ReferralSql.COLUMNS
                + " FROM " + source + " ORDER BY due_at, referral_id LIMIT " + (limit + 1) + ") p ON TRUE "
                // The extra referral's household id is NULL here, so neither database looks it up (an index seek
                // for NULL matches nothing); a condition beside the key would be tested only after the seek.
                + "LEFT JOIN households h ON h.household_id = " + shown + " "
                + "LEFT JOIN household_restrictions r ON r.household_id = " + shown;
    }

    @Override
    public Map<ReferralStatus, Long> countsByStatus(Set<String> services) {
        Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
        if (services.isEmpty()) {
            return counts;
        }
        // The counts kept beside the referrals (V15): a few rows per service, however many referrals it holds.
        try {
            withStatement("SELECT status, SUM(total) FROM referral_status_counts WHERE service IN ("
                    + placeholders(services.size()) + ") GROUP BY status HAVING SUM(total) > 0", select -> {
                        bindAll(select, services);
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                counts.put(ReferralStatus.valueOf(rows.getString(1)), rows.getLong(2));
                            }
                        }
                        return counts;
                    });
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
        return counts;
    }

    @Override
    public ChangeMark lastChange(Set<String> services) {
        if (services.isEmpty()) {
            return new ChangeMark(0, null);
        }
        try {
            return withStatement("SELECT COALESCE(SUM(version), 0), MAX(changed_at) FROM "
                    + "referral_service_changes WHERE service IN (" + placeholders(services.size()) + ")", select -> {
                        bindAll(select, services);
                        try (ResultSet rows = select.executeQuery()) {
                            rows.next();
                            long version = rows.getLong(1);
                            long millis = rows.getLong(2);
                            return new ChangeMark(version, rows.wasNull() ? null : Instant.ofEpochMilli(millis));
                        }
                    });
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    /** What runs on a statement: binds, executes, reads, and closes its result set before returning. */
    private interface Work<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private <T> T withStatement(String sql, Work<T> work) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.on(statement);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void bindAll(PreparedStatement select, Set<String> services) throws SQLException {
        int parameter = 1;
        for (String service : new TreeSet<>(services)) {
            select.setString(parameter++, service);
        }
    }
}

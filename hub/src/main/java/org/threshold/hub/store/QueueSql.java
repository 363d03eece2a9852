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
 * their households and restrictions joined), mapped by hand, with no statement machinery between.
 */
final class QueueSql implements QueueRepository {
    private final Connection connection;

    QueueSql(Connection connection) {
        this.connection = connection;
    }

    /**
     * One index range scan per service (and status), each limited, merged by due time: a single scan over
     * {@code service IN (...)} could not read in due order and would sort every open referral. Then each of the
     * page's households by primary key, and whether it is restricted. All of it left-joined to a one-row table
     * holding the projection check, so the statement answers the check even for an empty page, and in the same
     * snapshot as the page.
     */
    @Override
    public QueuePage page(Set<String> services, Optional<ReferralStatus> status, Optional<QueueCursor> after,
                          int limit, String projection) {
        if (services.isEmpty() || limit < 1) {
            return new QueuePage(List.of(), Map.of(), Set.of(), Optional.empty(), false);
        }
        List<String> ordered = List.copyOf(new TreeSet<>(services));
        StringBuilder sql = new StringBuilder("SELECT check_.behind, p.*, ").append(SealedHouseholdColumns.select("h"))
                .append(", r.household_id AS restricted_id FROM (SELECT ").append(LookupSql.BEHIND)
                .append(" AS behind) check_ LEFT JOIN (SELECT ").append(ReferralSql.COLUMNS).append(" FROM (");
        for (int part = 0; part < ordered.size(); part++) {
            sql.append(part == 0 ? "" : " UNION ALL ").append("SELECT * FROM (SELECT ").append(ReferralSql.COLUMNS)
                    .append(" FROM referrals WHERE service = ?")
                    .append(status.isPresent() ? " AND status = ?" : "")
                    .append(after.isPresent() ? " AND (due_at, referral_id) > (?, ?)" : "")
                    .append(" ORDER BY due_at, referral_id LIMIT ?) part").append(part);
        }
        sql.append(") merged ORDER BY due_at, referral_id LIMIT ?) p ON TRUE ")
                .append("LEFT JOIN households h ON h.household_id = p.household_id ")
                .append("LEFT JOIN household_restrictions r ON r.household_id = p.household_id ")
                .append("ORDER BY p.due_at, p.referral_id");
        List<ReferralRecord> found = new ArrayList<>();
        Map<UUID, SealedHousehold> households = new HashMap<>();
        Set<UUID> restricted = new HashSet<>();
        boolean behind = false;
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
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
                select.setInt(parameter++, limit + 1);
            }
            select.setInt(parameter, limit + 1);
            try (ResultSet rows = select.executeQuery()) {
                int first = rows.findColumn("restricted_id") - SealedHouseholdColumns.COUNT;
                while (rows.next()) {
                    behind = rows.getBoolean(1);
                    if (rows.getString("referral_id") == null) {
                        // The one row of an empty page: the check alone.
                        continue;
                    }
                    ReferralRecord referral = ReferralSql.referral(rows);
                    found.add(referral);
                    SealedHousehold household = SealedHouseholdColumns.read(rows, first);
                    if (household != null) {
                        households.put(household.householdId(), household);
                    }
                    if (rows.getString("restricted_id") != null) {
                        restricted.add(referral.householdId());
                    }
                }
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
        if (found.size() <= limit) {
            return new QueuePage(found, households, restricted, Optional.empty(), behind);
        }
        List<ReferralRecord> page = found.subList(0, limit);
        ReferralRecord last = page.get(limit - 1);
        return new QueuePage(page, households, restricted,
                Optional.of(new QueueCursor(last.dueAt(), last.referralId())), behind);
    }

    @Override
    public Map<ReferralStatus, Long> countsByStatus(Set<String> services) {
        Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
        if (services.isEmpty()) {
            return counts;
        }
        // The counts kept beside the referrals (V15): a few rows per service, however many referrals it holds.
        try (PreparedStatement select = connection.prepareStatement("SELECT status, SUM(total) FROM "
                + "referral_status_counts WHERE service IN (" + placeholders(services.size()) + ") "
                + "GROUP BY status HAVING SUM(total) > 0")) {
            bindAll(select, services);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(ReferralStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
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
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(version), 0), "
                + "MAX(changed_at) FROM referral_service_changes WHERE service IN (" + placeholders(services.size())
                + ")")) {
            bindAll(select, services);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                long version = rows.getLong(1);
                long millis = rows.getLong(2);
                return new ChangeMark(version, rows.wasNull() ? null : Instant.ofEpochMilli(millis));
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
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

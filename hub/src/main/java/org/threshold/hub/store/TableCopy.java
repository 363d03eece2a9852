package org.threshold.hub.store;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Copies the hub's tables row by row from one database to another of the same schema, converting only what the
 * two keep differently (SQLite's 0/1 for PostgreSQL's booleans), then sets PostgreSQL's identity sequences past
 * the copied ids so new rows do not collide.
 */
final class TableCopy {
    /** Every table of the hub's state, parents before the rows that refer to them. */
    static final List<String> TABLES = List.of("events", "kiosk_heads", "kiosk_sync", "sync_incidents", "households",
            "projection_cursors", "projection_failures", "revoked_tokens", "household_history", "users",
            "user_services", "sessions", "sign_in_throttles", "access_log", "feed_updates", "feed_nonces",
            "enrollment_codes", "kiosks", "site_operators", "referrals", "referral_events",
            "referral_service_changes", "referral_status_counts", "access_log_head", "glass_breaks",
            "households_unsealed", "household_terms", "report_households", "report_counts",
            "duplicate_pairs", "household_merges", "report_counts_by_month",
            "household_restrictions", "referral_redactions", "referral_counts", "referral_counts_by_month",
            "referral_waits");
    /** The identity columns, by table. */
    private static final Map<String, String> IDENTITIES = Map.of("events", "position", "sync_incidents", "id",
            "access_log", "id", "feed_updates", "position", "glass_breaks", "id");
    private static final int BATCH = 500;

    private TableCopy() {
    }

    static void copy(Handle from, Handle to, Dialect targetDialect) {
        for (String table : TABLES) {
            List<String> columns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            to.createQuery("SELECT * FROM " + table + " WHERE 1 = 0").scanResultSet((supplier, context) -> {
                var meta = supplier.get().getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                    types.add(meta.getColumnType(i));
                }
                return null;
            });
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(column -> ":" + column).toList()) + ")";
            ResultIterable<Map<String, Object>> rows = from.createQuery("SELECT " + String.join(", ", columns)
                    + " FROM " + table).setFetchSize(BATCH).mapToMap();
            PreparedBatch batch = to.prepareBatch(insert);
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    batch.bindByType(column, convert(row.get(column.toLowerCase()), types.get(i)), Object.class);
                }
                batch.add();
                if (batch.size() >= BATCH) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        }
        if (targetDialect == Dialect.POSTGRESQL) {
            IDENTITIES.forEach((table, column) -> to.createQuery("SELECT setval(pg_get_serial_sequence('" + table
                    + "', '" + column + "'), COALESCE(MAX(" + column + "), 0) + 1, false) FROM " + table)
                    .mapTo(Long.class).one());
        }
    }

    private static Object convert(Object value, int targetType) {
        if (value instanceof Number number) {
            return switch (targetType) {
                case Types.BOOLEAN, Types.BIT -> number.intValue() != 0;
                case Types.BIGINT -> number.longValue();
                default -> value;
            };
        }
        if (value instanceof Boolean flag && targetType != Types.BOOLEAN && targetType != Types.BIT) {
            return flag ? 1 : 0;
        }
        return value;
    }
}

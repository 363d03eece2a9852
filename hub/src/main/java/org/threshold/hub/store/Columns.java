package org.threshold.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.household.IsoTimes;

/**
 * How the hub's types read back from a column, the same on SQLite and PostgreSQL: times as epoch milliseconds (or the
 * text an instant was written as, for {@code registered_at}), ids and dates as text, token ids as bytes. jdbi's
 * column mappers ({@link JdbiTypes}) and the plain-JDBC reads on the hot paths both use these, so they cannot drift.
 */
final class Columns {
    private Columns() {
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        Object value = rows.getObject(column);
        if (value == null) {
            return null;
        }
        return value instanceof Number millis ? Instant.ofEpochMilli(millis.longValue())
                : IsoTimes.instant(value.toString());
    }

    static UUID uuid(ResultSet rows, int column) throws SQLException {
        String value = rows.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    static LocalDate date(ResultSet rows, int column) throws SQLException {
        String value = rows.getString(column);
        return value == null ? null : IsoTimes.date(value);
    }

    static TokenId tokenId(ResultSet rows, int column) throws SQLException {
        byte[] value = rows.getBytes(column);
        return value == null ? null : TokenId.fromBytes(value);
    }
}

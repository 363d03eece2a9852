package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.access.GlassBreak;
import org.threshold.hub.app.household.LookupRepository;
import org.threshold.hub.app.household.SealedHousehold;

/**
 * {@link LookupRepository} in plain JDBC on the transaction's connection, each read one prepared statement mapped by
 * hand: the same SQL the feature repositories run, without jdbi's per-statement work (attaching, binding by name,
 * reflective mapping), which cost more CPU than SQLite's own execution of these indexed reads. A lookup's reads are
 * one statement: on PostgreSQL each statement is a round trip, and on SQLite each one prepared anew.
 */
final class LookupSql implements LookupRepository {
    /** Whether the projection named by the one parameter has not reached every stored event: one row, one column. */
    static final String BEHIND = "EXISTS (SELECT 1 FROM events WHERE projection_seq IS NULL) "
            + "OR (SELECT COALESCE(MAX(projection_seq), 0) FROM events) "
            + "> COALESCE((SELECT position FROM projection_cursors WHERE projection = ?), 0)";
    private static final String GLASS_BREAK_COLUMNS = "id, reason, granted_at, expires_at";
    /**
     * One row whether or not the token names a household (the projection check needs it either way): the household
     * left-joined to a one-row table, its merge, its restriction, and the reader's newest running glass-break on it.
     */
    private static final String BY_TOKEN = "SELECT " + BEHIND + ", " + SealedHouseholdColumns.select("h")
            + ", m.survivor_id, EXISTS (SELECT 1 FROM household_restrictions r WHERE r.household_id = h.household_id), "
            + "g.id, g.reason, g.granted_at, g.expires_at "
            + "FROM (SELECT 1 AS one) lookup "
            + "LEFT JOIN households h ON h.token_id = ? "
            + "LEFT JOIN household_merges m ON m.merged_id = h.household_id "
            + "LEFT JOIN glass_breaks g ON g.id = (SELECT id " + activeGlassBreak("h.household_id") + ")";
    private static final int HOUSEHOLD = 2;
    private static final int MERGED_INTO = HOUSEHOLD + SealedHouseholdColumns.COUNT;
    private static final int RESTRICTED = MERGED_INTO + 1;
    private static final int GLASS_BREAK = RESTRICTED + 1;

    private final Connection connection;

    LookupSql(Connection connection) {
        this.connection = connection;
    }

    @Override
    public TokenRead byToken(TokenId tokenId, String reader, Instant now, String projection) {
        try (PreparedStatement select = connection.prepareStatement(BY_TOKEN)) {
            select.setString(1, projection);
            select.setBytes(2, tokenId.toBytes());
            select.setString(3, reader);
            select.setLong(4, now.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                SealedHousehold household = SealedHouseholdColumns.read(rows, HOUSEHOLD);
                return new TokenRead(rows.getBoolean(1), household, Columns.uuid(rows, MERGED_INTO),
                        rows.getBoolean(RESTRICTED), household == null ? Optional.empty()
                        : glassBreak(rows, GLASS_BREAK, reader, household.householdId()));
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    @Override
    public boolean projectionBehind(String projection) {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + BEHIND)) {
            select.setString(1, projection);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    @Override
    public boolean restricted(UUID householdId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM household_restrictions WHERE household_id = ?")) {
            select.setString(1, householdId.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    @Override
    public Optional<GlassBreak> glassBreak(String username, UUID householdId, Instant now) {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + GLASS_BREAK_COLUMNS + " "
                + activeGlassBreak("?"))) {
            select.setString(1, username);
            select.setString(2, householdId.toString());
            select.setLong(3, now.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? glassBreak(rows, 1, username, householdId) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    /** The reader's (the first parameter) newest grant on {@code household} running at the next parameter. */
    private static String activeGlassBreak(String household) {
        return "FROM glass_breaks WHERE username = ? AND household_id = " + household + " AND expires_at > ? "
                + "ORDER BY expires_at DESC, id DESC LIMIT 1";
    }

    /** The grant in the four {@link #GLASS_BREAK_COLUMNS} from {@code first}; none if they are null (a left join). */
    private static Optional<GlassBreak> glassBreak(ResultSet rows, int first, String username, UUID householdId)
            throws SQLException {
        long id = rows.getLong(first);
        return rows.wasNull() ? Optional.empty() : Optional.of(new GlassBreak(id, username, householdId,
                rows.getString(first + 1), Columns.instant(rows, first + 2), Columns.instant(rows, first + 3)));
    }
}

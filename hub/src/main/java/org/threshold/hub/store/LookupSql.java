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

/**
 * {@link LookupRepository} in plain JDBC on the transaction's connection, each read one prepared statement mapped by
 * hand: the same SQL the feature repositories run, without jdbi's per-statement work (attaching, binding by name,
 * reflective mapping), which cost more CPU than SQLite's own execution of these indexed reads.
 */
final class LookupSql implements LookupRepository {
    private static final String BEHIND = "SELECT EXISTS (SELECT 1 FROM events WHERE projection_seq IS NULL) "
            + "OR (SELECT COALESCE(MAX(projection_seq), 0) FROM events) "
            + "> COALESCE((SELECT position FROM projection_cursors WHERE projection = ?), 0)";
    private static final String BY_TOKEN = "SELECT " + SealedHouseholdColumns.select("h") + ", m.survivor_id "
            + "FROM households h LEFT JOIN household_merges m ON m.merged_id = h.household_id WHERE h.token_id = ?";
    private static final String RESTRICTED = "SELECT 1 FROM household_restrictions WHERE household_id = ?";
    private static final String GLASS_BREAK = "SELECT id, reason, granted_at, expires_at FROM glass_breaks "
            + "WHERE username = ? AND household_id = ? AND expires_at > ? ORDER BY expires_at DESC, id DESC LIMIT 1";

    private final Connection connection;

    LookupSql(Connection connection) {
        this.connection = connection;
    }

    @Override
    public boolean projectionBehind(String projection) {
        try (PreparedStatement select = connection.prepareStatement(BEHIND)) {
            select.setString(1, projection);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    @Override
    public Optional<TokenHolder> byToken(TokenId tokenId) {
        try (PreparedStatement select = connection.prepareStatement(BY_TOKEN)) {
            select.setBytes(1, tokenId.toBytes());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TokenHolder(SealedHouseholdColumns.read(rows, 1),
                        Columns.uuid(rows, SealedHouseholdColumns.COUNT + 1)));
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }

    @Override
    public boolean restricted(UUID householdId) {
        try (PreparedStatement select = connection.prepareStatement(RESTRICTED)) {
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
        try (PreparedStatement select = connection.prepareStatement(GLASS_BREAK)) {
            select.setString(1, username);
            select.setString(2, householdId.toString());
            select.setLong(3, now.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new GlassBreak(rows.getLong(1), username, householdId,
                        rows.getString(2), Columns.instant(rows, 3), Columns.instant(rows, 4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }
}

package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.threshold.hub.app.account.LiveSessionRepository;
import org.threshold.hub.app.account.Role;

/**
 * {@link LiveSessionRepository} in plain JDBC on the transaction's connection: the session, its account and the
 * account's services in one statement (a row per service), with no statement machinery between (jdbi's SQL objects
 * cost several times the query itself here).
 */
final class LiveSessionSql implements LiveSessionRepository {
    private static final String LIVE = "SELECT s.session_id, s.last_seen, s.username, u.role, u.organisation, "
            + "us.service FROM sessions s JOIN users u ON u.username = s.username "
            + "LEFT JOIN user_services us ON us.username = s.username "
            + "WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen > ? AND u.disabled_at IS NULL";

    private final Connection connection;

    LiveSessionSql(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<LiveSession> find(byte[] tokenHash, Instant now, Instant idleBefore) {
        try (PreparedStatement select = connection.prepareStatement(LIVE)) {
            select.setBytes(1, tokenHash);
            select.setLong(2, now.toEpochMilli());
            select.setLong(3, idleBefore.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String sessionId = rows.getString(1);
                Instant lastSeen = Columns.instant(rows, 2);
                String username = rows.getString(3);
                Role role = Role.valueOf(rows.getString(4));
                String organisation = rows.getString(5);
                Set<String> services = new HashSet<>();
                do {
                    String service = rows.getString(6);
                    if (service != null) {
                        services.add(service);
                    }
                } while (rows.next());
                return Optional.of(new LiveSession(sessionId, lastSeen, username, role, organisation, services));
            }
        } catch (SQLException e) {
            throw JdbiHubStore.failed(e);
        }
    }
}

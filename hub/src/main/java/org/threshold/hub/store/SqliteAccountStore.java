package org.threshold.hub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** {@link AccountStore} on SQLite. Thread-safe. */
public final class SqliteAccountStore implements AccountStore {
    private final SqliteDatabase database;

    public SqliteAccountStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public boolean createFirstAccount(Account account, Instant now) {
        return database.write("Creating the first account", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (username, password_hash, "
                    + "role, created_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM users)")) {
                insert.setString(1, account.username());
                insert.setString(2, account.passwordHash());
                insert.setString(3, account.role());
                insert.setLong(4, now.toEpochMilli());
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Account> account(String username) {
        return database.read("Reading an account", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT username, password_hash, role FROM users WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Account(rows.getString(1), rows.getString(2), rows.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void createSession(byte[] tokenHash, String username, Instant expiresAt) {
        database.write("Creating a session", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sessions (token_hash, username, expires_at) VALUES (?, ?, ?)")) {
                insert.setBytes(1, tokenHash);
                insert.setString(2, username);
                insert.setLong(3, expiresAt.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Account> sessionAccount(byte[] tokenHash, Instant now) {
        return database.read("Reading a session", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT u.username, u.password_hash, u.role "
                    + "FROM sessions s JOIN users u ON u.username = s.username "
                    + "WHERE s.token_hash = ? AND s.expires_at > ?")) {
                select.setBytes(1, tokenHash);
                select.setLong(2, now.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Account(rows.getString(1), rows.getString(2), rows.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void deleteSession(byte[] tokenHash) {
        database.write("Ending a session", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
                delete.setBytes(1, tokenHash);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void deleteExpiredSessions(Instant now) {
        database.write("Deleting expired sessions", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
                delete.setLong(1, now.toEpochMilli());
                delete.executeUpdate();
            }
            return null;
        });
    }
}

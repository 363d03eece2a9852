package org.threshold.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The local data key, wrapped once per operator under a key derived from that operator's passphrase.
 * Nothing here opens without a passphrase. Thread-safe.
 */
public final class OperatorKeyStore {
    private final KioskDatabase database;

    public OperatorKeyStore(KioskDatabase database) {
        this.database = database;
    }

    /**
     * @param derivation how the wrapping key was derived, with its salt (no secret)
     * @param wrappedKey the local data key encrypted under the wrapping key
     */
    public record WrappedKey(String derivation, byte[] wrappedKey) {
    }

    public Optional<WrappedKey> find(String operator) {
        return database.read("read the operator's wrapped key", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT derivation, wrapped_key FROM operator_keys WHERE operator = ?")) {
                select.setString(1, operator);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new WrappedKey(row.getString(1), row.getBytes(2)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Why and when every wrap of the local data key was destroyed. */
    public record Destruction(String reason, Instant at) {
    }

    /**
     * Stores the wraps provisioning made, one per operator, unless this kiosk already holds wraps or
     * destroyed them: in one transaction, so a kiosk killed halfway holds all or none. Returns how many
     * it stored.
     */
    public int importWraps(Map<String, WrappedKey> wraps, Instant at) {
        return database.transaction("store the operators' wrapped keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT (SELECT count(*) FROM operator_keys) + (SELECT count(*) FROM key_destruction)");
                 ResultSet row = select.executeQuery()) {
                if (row.next() && row.getLong(1) > 0) {
                    return 0;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO operator_keys (operator, derivation, wrapped_key, created_at) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, WrappedKey> wrap : wraps.entrySet()) {
                    insert.setString(1, wrap.getKey());
                    insert.setString(2, wrap.getValue().derivation());
                    insert.setBytes(3, wrap.getValue().wrappedKey());
                    insert.setString(4, at.toString());
                    insert.executeUpdate();
                }
            }
            return wraps.size();
        });
    }

    /**
     * Destroys every wrap of the local data key, every local copy and the whole name index in one
     * transaction, and records why. Hub-sealed events and tokens stay, so they still sync. With
     * {@code secure_delete} the freed pages are zeroed; the caller checkpoints the write-ahead log.
     */
    public void destroyAll(String reason, Instant at) {
        database.transaction("destroy the local key material", connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM operator_keys");
                statement.executeUpdate("DELETE FROM name_index");
                statement.executeUpdate("DELETE FROM local_households");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO key_destruction (id, reason, destroyed_at) VALUES (1, ?, ?)")) {
                insert.setString(1, reason);
                insert.setString(2, at.toString());
                insert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Destruction> destruction() {
        return database.read("read whether the local key was destroyed", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT reason, destroyed_at FROM key_destruction WHERE id = 1");
                 ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Destruction(row.getString(1), Instant.parse(row.getString(2))))
                        : Optional.empty();
            }
        });
    }

    public boolean anyKeyExists() {
        return database.read("check for a local data key", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM operator_keys LIMIT 1");
                 ResultSet row = select.executeQuery()) {
                return row.next();
            }
        });
    }

    /**
     * Stores the first wrapping of a newly created local data key, unless a key already exists (checked
     * in the same transaction, so two first logins cannot create two keys). Returns whether it stored.
     */
    public boolean storeFirst(String operator, WrappedKey key, Instant at) {
        return database.transaction("store the local data key", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM operator_keys UNION ALL SELECT 1 FROM key_destruction LIMIT 1");
                 ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO operator_keys (operator, derivation, wrapped_key, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, operator);
                insert.setString(2, key.derivation());
                insert.setBytes(3, key.wrappedKey());
                insert.setString(4, at.toString());
                insert.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Stores or replaces one operator's wrap of the existing local data key, unless the key material was
     * destroyed (checked in the same transaction, so a wrap cannot outlive a wipe). Returns whether it stored.
     */
    public boolean storeWrap(String operator, WrappedKey key, Instant at) {
        return database.transaction("store an operator's wrapped key", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM key_destruction");
                 ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO operator_keys (operator, derivation, wrapped_key, created_at) "
                            + "VALUES (?, ?, ?, ?)")) {
                insert.setString(1, operator);
                insert.setString(2, key.derivation());
                insert.setBytes(3, key.wrappedKey());
                insert.setString(4, at.toString());
                insert.executeUpdate();
            }
            return true;
        });
    }

    /** Deletes the wrap of every operator not in {@code operators}. */
    public void deleteWrapsExcept(Set<String> operators) {
        database.transaction("delete removed operators' wrapped keys", connection -> {
            List<String> stored = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT operator FROM operator_keys");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stored.add(row.getString(1));
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM operator_keys WHERE operator = ?")) {
                for (String operator : stored) {
                    if (!operators.contains(operator)) {
                        delete.setString(1, operator);
                        delete.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}

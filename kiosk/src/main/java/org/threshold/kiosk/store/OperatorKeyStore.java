package org.threshold.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
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
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM operator_keys LIMIT 1");
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
}

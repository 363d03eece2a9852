package org.threshold.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** What the kiosk remembers per operator across shifts and restarts: the interface language. Thread-safe. */
public final class OperatorPreferences {
    private final KioskDatabase database;

    public OperatorPreferences(KioskDatabase database) {
        this.database = database;
    }

    public Optional<String> language(String operator) {
        return database.read("read the operator's language", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT language FROM operator_preferences WHERE operator = ?")) {
                select.setString(1, operator);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void rememberLanguage(String operator, String language) {
        database.transaction("remember the operator's language", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO operator_preferences "
                    + "(operator, language) VALUES (?, ?) ON CONFLICT (operator) DO UPDATE SET language = excluded.language")) {
                upsert.setString(1, operator);
                upsert.setString(2, language);
                return upsert.executeUpdate();
            }
        });
    }
}

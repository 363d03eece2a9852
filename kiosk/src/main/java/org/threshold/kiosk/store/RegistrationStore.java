package org.threshold.kiosk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.SignedEvent;

/**
 * Registrations as the kiosk keeps them: the signed event, the token printed for it, and the local
 * copy staff look it up by. All three are committed in one transaction or not at all. Thread-safe.
 */
public final class RegistrationStore {
    private final KioskDatabase database;

    public RegistrationStore(KioskDatabase database) {
        this.database = database;
    }

    /**
     * A registration ready to commit.
     *
     * @param tokenCode the token id's 16-character code (no dashes, no check character)
     * @param localCopy the household encrypted under the local data key; null when the operator's
     *                  session holds no local key
     */
    public record NewRegistration(SignedEvent event, UUID householdId, String tokenCode, String qr, LocalDate issuedOn,
                                  byte[] localCopy) {
    }

    /** A registration as read back; {@code localCopy} is still encrypted, and null if none was kept. */
    public record StoredRegistration(UUID householdId, String qr, Path card, boolean printed, Instant registeredAt,
                                     boolean synced, byte[] localCopy) {
    }

    /**
     * Commits the event, its token and the local copy together; durable on disk when this returns.
     *
     * @throws IllegalStateException if the event does not continue the stored chain, which would fork it
     */
    public void commit(NewRegistration registration) {
        database.transaction("save the registration", connection -> {
            requireContinuesChain(connection, registration.event());
            EventLog.insert(connection, registration.event());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tokens "
                    + "(code, household_id, sequence, qr, issued_on) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, registration.tokenCode());
                insert.setString(2, registration.householdId().toString());
                insert.setLong(3, registration.event().header().sequence());
                insert.setString(4, registration.qr());
                insert.setString(5, registration.issuedOn().toString());
                insert.executeUpdate();
            }
            if (registration.localCopy() != null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO local_households (household_id, token_code, payload) VALUES (?, ?, ?)")) {
                    insert.setString(1, registration.householdId().toString());
                    insert.setString(2, registration.tokenCode());
                    insert.setBytes(3, registration.localCopy());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void requireContinuesChain(Connection connection, SignedEvent event) throws SQLException {
        ChainPosition head = EventLog.head(connection);
        if (event.header().sequence() != head.sequence() + 1
                || !Arrays.equals(event.header().previousHash(), head.hash())) {
            throw new IllegalStateException("Event " + event.header().sequence() + " does not continue the chain at "
                    + head.sequence() + "; refusing to fork the kiosk's history");
        }
    }

    /** @param card the picture a simulated printer made; null for a card on paper */
    public void markPrinted(String tokenCode, Path card) {
        database.transaction("mark the card as printed", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE tokens SET printed = 1, card_path = ? WHERE code = ?")) {
                update.setString(1, card == null ? null : card.toString());
                update.setString(2, tokenCode);
                return update.executeUpdate();
            }
        });
    }

    public Optional<StoredRegistration> findByToken(String tokenCode) {
        return database.read("look up a token", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT t.household_id, t.qr, t.card_path, t.printed, e.recorded_at, e.synced, l.payload
                    FROM tokens t
                    JOIN events e ON e.sequence = t.sequence
                    LEFT JOIN local_households l ON l.household_id = t.household_id
                    WHERE t.code = ?""")) {
                select.setString(1, tokenCode);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String card = row.getString(3);
                    return Optional.of(new StoredRegistration(UUID.fromString(row.getString(1)), row.getString(2),
                            card == null ? null : Path.of(card), row.getBoolean(4), Instant.parse(row.getString(5)),
                            row.getBoolean(6), row.getBytes(7)));
                }
            }
        });
    }
}

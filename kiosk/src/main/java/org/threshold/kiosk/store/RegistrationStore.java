package org.threshold.kiosk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
     * @param nameTerms the blind index terms of the household's names (keyed HMACs); empty without a local copy
     * @param following events recorded with the registration, chained after it (its referrals); committed with it
     */
    public record NewRegistration(SignedEvent event, UUID householdId, String tokenCode, String qr, LocalDate issuedOn,
                                  byte[] localCopy, List<byte[]> nameTerms, IdempotencyKey idempotency,
                                  List<SignedEvent> following) {
        public NewRegistration {
            nameTerms = List.copyOf(nameTerms);
            following = List.copyOf(following);
        }

        public NewRegistration(SignedEvent event, UUID householdId, String tokenCode, String qr, LocalDate issuedOn,
                               byte[] localCopy, List<byte[]> nameTerms) {
            this(event, householdId, tokenCode, qr, issuedOn, localCopy, nameTerms, null, List.of());
        }

        public NewRegistration(SignedEvent event, UUID householdId, String tokenCode, String qr, LocalDate issuedOn,
                               byte[] localCopy) {
            this(event, householdId, tokenCode, qr, issuedOn, localCopy, List.of());
        }
    }

    /**
     * A client's {@code Idempotency-Key} and the SHA-256 of the request it came with, kept with the registration it
     * produced so a retry gets the same answer (and a reuse for another request is noticed).
     */
    public record IdempotencyKey(String key, byte[] requestSha256) {
    }

    /** A registration already made for an idempotency key. */
    public record Idempotent(UUID householdId, byte[] requestSha256) {
    }

    /** A token replaced by a reissue. */
    public record RevokedToken(UUID householdId, Instant revokedAt) {
    }

    /**
     * A registration as read back; {@code localCopy} is still encrypted, and null if none was kept or
     * it was shredded ({@code shreddedAt} not null) after the hub acknowledged it.
     */
    public record StoredRegistration(UUID householdId, String qr, Path card, boolean printed, Instant registeredAt,
                                     boolean synced, byte[] localCopy, Instant shreddedAt, String tokenCode) {
    }

    private static final String SELECT_REGISTRATION = """
            SELECT t.household_id, t.qr, t.card_path, t.printed, e.recorded_at, e.synced, l.payload, t.shredded_at,
                   t.code
            FROM tokens t
            JOIN events e ON e.sequence = t.sequence
            LEFT JOIN local_households l ON l.household_id = t.household_id
            """;

    /**
     * Commits the event, the events following it, its token and the local copy together; durable on disk when
     * this returns.
     *
     * @throws IllegalStateException if the events do not continue the stored chain, which would fork it
     */
    public void commit(NewRegistration registration) {
        database.transaction("save the registration", connection -> {
            insertEvent(connection, registration.event());
            for (SignedEvent event : registration.following()) {
                insertEvent(connection, event);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tokens "
                    + "(code, household_id, sequence, qr, issued_on) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, registration.tokenCode());
                insert.setString(2, registration.householdId().toString());
                insert.setLong(3, registration.event().header().sequence());
                insert.setString(4, registration.qr());
                insert.setString(5, registration.issuedOn().toString());
                insert.executeUpdate();
            }
            if (registration.idempotency() != null) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_keys "
                        + "(idempotency_key, request_sha256, household_id, created_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, registration.idempotency().key());
                    insert.setBytes(2, registration.idempotency().requestSha256());
                    insert.setString(3, registration.householdId().toString());
                    insert.setString(4, registration.event().header().recordedAt().toString());
                    insert.executeUpdate();
                }
            }
            if (registration.localCopy() != null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO local_households (household_id, token_code, payload) VALUES (?, ?, ?)")) {
                    insert.setString(1, registration.householdId().toString());
                    insert.setString(2, registration.tokenCode());
                    insert.setBytes(3, registration.localCopy());
                    insert.executeUpdate();
                }
                insertTerms(connection, registration.householdId(), registration.nameTerms());
            }
            return null;
        });
    }

    private static void insertEvent(Connection connection, SignedEvent event) throws SQLException {
        requireContinuesChain(connection, event);
        EventLog.insert(connection, event);
    }

    private static void insertTerms(Connection connection, UUID householdId, List<byte[]> terms) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO name_index (term, household_id) VALUES (?, ?)")) {
            for (byte[] term : terms) {
                insert.setBytes(1, term);
                insert.setString(2, householdId.toString());
                insert.executeUpdate();
            }
        }
    }

    /** Commits an event that changes nothing else the kiosk keeps (a reprint). */
    public void append(SignedEvent event) {
        database.transaction("save the event", connection -> {
            insertEvent(connection, event);
            return null;
        });
    }

    /**
     * Commits a reissue: the event, the old token's revocation, and the household's new token in place of the old
     * one (not yet printed).
     */
    public void commitReissue(SignedEvent event, UUID householdId, String oldCode, String newCode, String newQr,
                              LocalDate issuedOn) {
        database.transaction("save the new token", connection -> {
            insertEvent(connection, event);
            // The local copy names its token; both change in this transaction, so the check waits for the commit.
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA defer_foreign_keys = ON");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO revoked_tokens "
                    + "(code, household_id, revoked_at, sequence) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, oldCode);
                insert.setString(2, householdId.toString());
                insert.setString(3, event.header().recordedAt().toString());
                insert.setLong(4, event.header().sequence());
                insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE tokens SET code = ?, qr = ?, "
                    + "issued_on = ?, printed = 0, card_path = NULL WHERE household_id = ? AND code = ?")) {
                update.setString(1, newCode);
                update.setString(2, newQr);
                update.setString(3, issuedOn.toString());
                update.setString(4, householdId.toString());
                update.setString(5, oldCode);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("The household's token changed meanwhile; nothing was reissued");
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE local_households SET token_code = ? WHERE household_id = ?")) {
                update.setString(1, newCode);
                update.setString(2, householdId.toString());
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Commits a change of a household (a correction, a consent change): the event, the new local copy and, when
     * {@code nameTerms} is not null, the household's index terms in place of the old ones.
     */
    public void commitChange(SignedEvent event, UUID householdId, byte[] localCopy, List<byte[]> nameTerms) {
        database.transaction("save the change", connection -> {
            insertEvent(connection, event);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE local_households SET payload = ? WHERE household_id = ?")) {
                update.setBytes(1, localCopy);
                update.setString(2, householdId.toString());
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("The local copy was shredded meanwhile; nothing was changed");
                }
            }
            if (nameTerms != null) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM name_index WHERE household_id = ?")) {
                    delete.setString(1, householdId.toString());
                    delete.executeUpdate();
                }
                insertTerms(connection, householdId, nameTerms);
            }
            return null;
        });
    }

    public Optional<Idempotent> findIdempotent(String key) {
        return database.read("look up an idempotency key", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT household_id, request_sha256 FROM idempotency_keys WHERE idempotency_key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Idempotent(UUID.fromString(row.getString(1)), row.getBytes(2)))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Forgets every idempotency key stored before {@code cutoff}; returns how many. The registrations stay: a retry
     * with a forgotten key is a new request (which the duplicate check then stops).
     */
    public int forgetIdempotencyKeysBefore(Instant cutoff) {
        return database.transaction("forget old idempotency keys", connection -> {
            // Compared as instants, not as text: Instant.toString() writes as few fraction digits as it needs.
            List<String> old = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT idempotency_key, created_at FROM idempotency_keys");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (Instant.parse(row.getString(2)).isBefore(cutoff)) {
                        old.add(row.getString(1));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM idempotency_keys WHERE idempotency_key = ?")) {
                for (String key : old) {
                    delete.setString(1, key);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return old.size();
        });
    }

    public Optional<RevokedToken> findRevoked(String tokenCode) {
        return database.read("look up a revoked token", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT household_id, revoked_at FROM revoked_tokens WHERE code = ?")) {
                select.setString(1, tokenCode);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new RevokedToken(UUID.fromString(row.getString(1)),
                            Instant.parse(row.getString(2)))) : Optional.empty();
                }
            }
        });
    }

    public Optional<StoredRegistration> findByHousehold(UUID householdId) {
        return database.read("look up a household", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT_REGISTRATION + "WHERE t.household_id = ?")) {
                select.setString(1, householdId.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(registration(row)) : Optional.empty();
                }
            }
        });
    }

    /** Which of {@code codes} (token codes, no check character) are current tokens of this kiosk. */
    public Set<String> existingCodes(Collection<String> codes) {
        return database.read("look up token codes", connection -> {
            Set<String> found = new LinkedHashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM tokens WHERE code = ?")) {
                for (String code : codes) {
                    select.setString(1, code);
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next()) {
                            found.add(code);
                        }
                    }
                }
            }
            return found;
        });
    }

    /** Registrations whose index holds any of {@code terms}, newest first, at most {@code limit}. */
    public List<StoredRegistration> findByAnyTerm(List<byte[]> terms, int limit) {
        return findByNameTerms(terms.isEmpty() ? List.of() : List.of(terms), limit);
    }

    /** The newest registrations that still have a local copy, at most {@code limit}. */
    public List<StoredRegistration> newestWithLocalCopy(int limit) {
        return database.read("read recent registrations", connection -> {
            List<StoredRegistration> recent = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_REGISTRATION
                    + "WHERE l.payload IS NOT NULL ORDER BY t.sequence DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        recent.add(registration(rows));
                    }
                }
            }
            return recent;
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
            try (PreparedStatement select = connection.prepareStatement(SELECT_REGISTRATION + "WHERE t.code = ?")) {
                select.setString(1, tokenCode);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(registration(row)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Registrations whose blind index holds, for every query word, at least one of that word's terms;
     * the newest first, at most {@code limit}.
     */
    public List<StoredRegistration> findByNameTerms(List<List<byte[]>> termsPerWord, int limit) {
        if (termsPerWord.isEmpty()) {
            return List.of();
        }
        return database.read("search the name index", connection -> {
            Set<String> matching = null;
            for (List<byte[]> terms : termsPerWord) {
                Set<String> forWord = new LinkedHashSet<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT household_id FROM name_index WHERE term = ?")) {
                    for (byte[] term : terms) {
                        select.setBytes(1, term);
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                forWord.add(rows.getString(1));
                            }
                        }
                    }
                }
                if (matching == null) {
                    matching = forWord;
                } else {
                    matching.retainAll(forWord);
                }
            }
            Map<String, StoredRegistration> found = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT_REGISTRATION + "WHERE t.household_id = ?")) {
                for (String householdId : matching) {
                    select.setString(1, householdId);
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next()) {
                            found.put(householdId, registration(row));
                        }
                    }
                }
            }
            List<StoredRegistration> newestFirst = new ArrayList<>(found.values());
            newestFirst.sort((a, b) -> b.registeredAt().compareTo(a.registeredAt()));
            return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
        });
    }

    /**
     * Crypto-shredding: first notes, for every newly acknowledged event, that the hub holds it as of
     * {@code now}; then destroys the local copy and name index entries of every registration whose
     * event the hub has held since {@code ackedBefore} or earlier. The token and the hub-sealed event
     * stay. Returns how many local copies were destroyed; the caller checkpoints the write-ahead log.
     */
    public int shredAcknowledged(Instant now, Instant ackedBefore) {
        return database.transaction("shred synced local copies", connection -> {
            try (PreparedStatement stamp = connection.prepareStatement(
                    "UPDATE events SET acked_at = ? WHERE synced = 1 AND acked_at IS NULL")) {
                stamp.setLong(1, now.toEpochMilli());
                stamp.executeUpdate();
            }
            int shredded;
            try (PreparedStatement mark = connection.prepareStatement("""
                    UPDATE tokens SET shredded_at = ?
                    WHERE shredded_at IS NULL
                      AND sequence IN (SELECT sequence FROM events WHERE synced = 1 AND acked_at <= ?)""")) {
                mark.setString(1, now.toString());
                mark.setLong(2, ackedBefore.toEpochMilli());
                shredded = mark.executeUpdate();
            }
            if (shredded > 0) {
                try (var statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM name_index WHERE household_id IN "
                            + "(SELECT household_id FROM tokens WHERE shredded_at IS NOT NULL)");
                    statement.executeUpdate("DELETE FROM local_households WHERE household_id IN "
                            + "(SELECT household_id FROM tokens WHERE shredded_at IS NOT NULL)");
                }
            }
            return shredded;
        });
    }

    private static StoredRegistration registration(ResultSet row) throws SQLException {
        String card = row.getString(3);
        String shreddedAt = row.getString(8);
        return new StoredRegistration(UUID.fromString(row.getString(1)), row.getString(2),
                card == null ? null : Path.of(card), row.getBoolean(4), Instant.parse(row.getString(5)),
                row.getBoolean(6), row.getBytes(7), shreddedAt == null ? null : Instant.parse(shreddedAt),
                row.getString(9));
    }
}

package org.threshold.hub.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.enrollment.EnrollmentCode;

/**
 * The hub's administrative records in {@link AdminDatabase} ({@code admin.db}): one-time enrollment codes
 * (hashed), the kiosk registry (site, certificate, software version, revocation), each site's operators, and
 * the {@link PendingKioskUpdates} the update feed delivers. The hub and the {@code provision} command line (run
 * on the hub host, on the same data folder) share it. Thread-safe.
 */
public final class EnrollmentStore implements PendingKioskUpdates, KioskRevocations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS enrollment_codes (
              code_hash  BLOB    PRIMARY KEY,
              kiosk_id   TEXT    NOT NULL UNIQUE,
              site       TEXT    NOT NULL,
              created_at INTEGER NOT NULL,
              expires_at INTEGER NOT NULL,
              used_at    INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS kiosk_registry (
              kiosk_id         TEXT    PRIMARY KEY,
              site             TEXT    NOT NULL,
              enrolled_at      INTEGER NOT NULL,
              software_version TEXT    NOT NULL,
              certificate_pem  TEXT    NOT NULL,
              revoked_at       INTEGER,
              revoke_reason    TEXT)""",
            """
            CREATE TABLE IF NOT EXISTS site_operators (
              site            TEXT    NOT NULL,
              name            TEXT    NOT NULL,
              role            TEXT    NOT NULL,
              passphrase_hash TEXT    NOT NULL,
              updated_at      INTEGER NOT NULL,
              PRIMARY KEY (site, name))""",
            """
            CREATE TABLE IF NOT EXISTS kiosk_updates (
              id           INTEGER PRIMARY KEY AUTOINCREMENT,
              kiosk_id     TEXT    NOT NULL,
              kind         TEXT    NOT NULL,
              body         TEXT    NOT NULL,
              created_at   INTEGER NOT NULL,
              delivered_at INTEGER)""",
            "CREATE INDEX IF NOT EXISTS kiosk_updates_pending ON kiosk_updates (kiosk_id, delivered_at, id)");

    private final AdminDatabase database;

    private EnrollmentStore(AdminDatabase database) {
        this.database = database;
    }

    /** The store in {@code hubDir}'s {@code admin.db}, its tables created if missing. */
    public static EnrollmentStore open(java.nio.file.Path hubDir) {
        AdminDatabase database = AdminDatabase.in(hubDir);
        database.write("Creating the enrollment tables", connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : TABLES) {
                    statement.execute(sql);
                }
            }
            return null;
        });
        return new EnrollmentStore(database);
    }

    /** A kiosk as the registry knows it; last contact and events come from the event store. */
    public record KioskRow(String kioskId, String site, Instant enrolledAt, String softwareVersion,
                           Optional<Instant> revokedAt, int updatesPending) {
    }

    /** A code's kiosk and site, once the code is spent. */
    public record Redemption(String kioskId, String site) {
    }

    // ---- enrollment codes

    /** Stores a new code's hash for {@code kioskId} at {@code site}, valid for {@code validity}. */
    public void addCode(EnrollmentCode code, String kioskId, String site, Duration validity, Instant now) {
        database.write("Storing an enrollment code", connection -> {
            if (kioskIdTaken(connection, kioskId)) {
                throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.KIOSK_EXISTS, "Kiosk id "
                        + kioskId + " is already enrolled or has a code waiting. Choose another id with --id, or "
                        + "leave --id out to get the next free one.");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO enrollment_codes "
                    + "(code_hash, kiosk_id, site, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setBytes(1, code.hash());
                insert.setString(2, kioskId);
                insert.setString(3, site);
                insert.setLong(4, now.toEpochMilli());
                insert.setLong(5, now.plus(validity).toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The first {@code KIOSK-NN} that no kiosk and no waiting code has. */
    public String nextFreeKioskId() {
        return database.read("Choosing a kiosk id", connection -> {
            for (int n = 1; n < 100_000; n++) {
                String candidate = String.format("KIOSK-%02d", n);
                if (!kioskIdTaken(connection, candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("No free kiosk id below KIOSK-99999");
        });
    }

    private static boolean kioskIdTaken(Connection connection, String kioskId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM enrollment_codes WHERE kiosk_id = ? "
                + "UNION SELECT 1 FROM kiosk_registry WHERE kiosk_id = ?")) {
            query.setString(1, kioskId);
            query.setString(2, kioskId);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * Spends a code: it can never be used again, whatever happens next.
     *
     * @throws EnrollmentRefusedException if the code is unknown, spent or expired
     */
    public Redemption redeem(EnrollmentCode code, Instant now) {
        return database.write("Redeeming an enrollment code", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT kiosk_id, site, expires_at, used_at FROM enrollment_codes WHERE code_hash = ?")) {
                query.setBytes(1, code.hash());
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next()) {
                        throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.CODE_UNKNOWN,
                                "The hub does not know this enrollment code. Check it was typed correctly (16 letters "
                                        + "and digits), or ask the administrator for a new one: provision kiosk add.");
                    }
                    String kioskId = result.getString(1);
                    String site = result.getString(2);
                    long expiresAt = result.getLong(3);
                    result.getLong(4);
                    if (!result.wasNull()) {
                        throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.CODE_USED,
                                "This enrollment code was already used, and a code works only once. Ask the "
                                        + "administrator for a new one (provision kiosk add --site ...).");
                    }
                    if (now.toEpochMilli() >= expiresAt) {
                        throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.CODE_EXPIRED,
                                "This enrollment code expired at " + Instant.ofEpochMilli(expiresAt) + ". Ask the "
                                        + "administrator for a new one (provision kiosk add --site ... --valid-for ...).");
                    }
                    try (PreparedStatement spend = connection.prepareStatement(
                            "UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ?")) {
                        spend.setLong(1, now.toEpochMilli());
                        spend.setBytes(2, code.hash());
                        spend.executeUpdate();
                    }
                    return new Redemption(kioskId, site);
                }
            }
        });
    }

    // ---- kiosk registry

    public void registerKiosk(String kioskId, String site, String softwareVersion, String certificatePem,
                              Instant now) {
        database.write("Registering a kiosk", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kiosk_registry "
                    + "(kiosk_id, site, enrolled_at, software_version, certificate_pem) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, kioskId);
                insert.setString(2, site);
                insert.setLong(3, now.toEpochMilli());
                insert.setString(4, softwareVersion);
                insert.setString(5, certificatePem);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Revokes a kiosk and records its wipe order for the feed, in one transaction.
     *
     * @return false if the kiosk is not in the registry; revoking twice keeps the first time
     */
    public boolean revoke(String kioskId, String reason, Instant now) {
        return database.write("Revoking a kiosk", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE kiosk_registry SET revoked_at = ?, "
                    + "revoke_reason = ? WHERE kiosk_id = ? AND revoked_at IS NULL")) {
                update.setLong(1, now.toEpochMilli());
                update.setString(2, reason);
                update.setString(3, kioskId);
                if (update.executeUpdate() == 0) {
                    return isRevoked(connection, kioskId);
                }
            }
            insertUpdate(connection, kioskId, Kind.WIPE, json(Map.of("reason", reason, "orderedAt", now.toString())),
                    now);
            return true;
        });
    }

    @Override
    public boolean isRevoked(String kioskId) {
        return database.read("Checking a kiosk's revocation", connection -> isRevoked(connection, kioskId));
    }

    private static boolean isRevoked(Connection connection, String kioskId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM kiosk_registry WHERE kiosk_id = ? AND revoked_at IS NOT NULL")) {
            query.setString(1, kioskId);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Every registered kiosk with what the hub knows of it, by id. */
    public List<KioskRow> kiosks() {
        return database.read("Listing kiosks", connection -> {
            List<KioskRow> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT r.kiosk_id, r.site, r.enrolled_at, r.software_version, r.revoked_at,
                           (SELECT COUNT(*) FROM kiosk_updates u WHERE u.kiosk_id = r.kiosk_id
                                AND u.delivered_at IS NULL)
                    FROM kiosk_registry r ORDER BY r.kiosk_id""");
                 ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new KioskRow(result.getString(1), result.getString(2),
                            Instant.ofEpochMilli(result.getLong(3)), result.getString(4), instant(result, 5),
                            result.getInt(6)));
                }
            }
            return rows;
        });
    }

    private static Optional<Instant> instant(ResultSet result, int column) throws SQLException {
        long millis = result.getLong(column);
        return result.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    // ---- operators

    /** Adds or replaces an operator of {@code site}, and queues the change for every active kiosk there. */
    public int setOperator(String site, OperatorRecord operator, Instant now) {
        return database.write("Saving an operator", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO site_operators "
                    + "(site, name, role, passphrase_hash, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (site, name) "
                    + "DO UPDATE SET role = excluded.role, passphrase_hash = excluded.passphrase_hash, "
                    + "updated_at = excluded.updated_at")) {
                upsert.setString(1, site);
                upsert.setString(2, operator.name());
                upsert.setString(3, operator.role().name());
                upsert.setString(4, operator.passphraseHash());
                upsert.setLong(5, now.toEpochMilli());
                upsert.executeUpdate();
            }
            return queueForSite(connection, site, Kind.OPERATOR_SET, json(operator), now);
        });
    }

    /** @return how many kiosks will be told, or -1 if the site has no such operator */
    public int removeOperator(String site, String name, Instant now) {
        return database.write("Removing an operator", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM site_operators WHERE site = ? AND name = ?")) {
                delete.setString(1, site);
                delete.setString(2, name);
                if (delete.executeUpdate() == 0) {
                    return -1;
                }
            }
            return queueForSite(connection, site, Kind.OPERATOR_REMOVED, json(Map.of("name", name)), now);
        });
    }

    public Optional<OperatorRecord> operator(String site, String name) {
        return operators(site).stream().filter(operator -> operator.name().equals(name)).findFirst();
    }

    public List<OperatorRecord> operators(String site) {
        return database.read("Reading a site's operators", connection -> {
            List<OperatorRecord> operators = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT name, role, passphrase_hash FROM site_operators WHERE site = ? ORDER BY name")) {
                query.setString(1, site);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        operators.add(new OperatorRecord(result.getString(1),
                                OperatorRecord.Role.valueOf(result.getString(2)), result.getString(3)));
                    }
                }
            }
            return operators;
        });
    }

    /** Queues a new hub sealing key for every kiosk that is not revoked. @return how many */
    public int announceSealingKey(String keyId, String publicKeyBase64, Instant now) {
        return database.write("Announcing a sealing key", connection -> {
            int count = 0;
            for (String kioskId : activeKiosks(connection, null)) {
                insertUpdate(connection, kioskId, Kind.SEALING_KEY, json(Map.of("keyId", keyId, "publicKey",
                        publicKeyBase64)), now);
                count++;
            }
            return count;
        });
    }

    private int queueForSite(Connection connection, String site, Kind kind, String body, Instant now)
            throws SQLException {
        int count = 0;
        for (String kioskId : activeKiosks(connection, site)) {
            insertUpdate(connection, kioskId, kind, body, now);
            count++;
        }
        return count;
    }

    private static List<String> activeKiosks(Connection connection, String siteOrNull) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT kiosk_id FROM kiosk_registry "
                + "WHERE revoked_at IS NULL AND (? IS NULL OR site = ?) ORDER BY kiosk_id")) {
            query.setString(1, siteOrNull);
            query.setString(2, siteOrNull);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        return ids;
    }

    // ---- PendingKioskUpdates

    @Override
    public void record(String kioskId, Kind kind, String bodyJson, Instant now) {
        database.write("Recording a kiosk update", connection -> {
            insertUpdate(connection, kioskId, kind, bodyJson, now);
            return null;
        });
    }

    @Override
    public List<Update> pendingFor(String kioskId, long afterId, int limit) {
        return database.read("Reading pending kiosk updates", connection -> {
            List<Update> updates = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id, kind, body, created_at FROM "
                    + "kiosk_updates WHERE kiosk_id = ? AND delivered_at IS NULL AND id > ? ORDER BY id LIMIT ?")) {
                query.setString(1, kioskId);
                query.setLong(2, afterId);
                query.setInt(3, limit);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        updates.add(new Update(result.getLong(1), kioskId, Kind.valueOf(result.getString(2)),
                                result.getString(3), Instant.ofEpochMilli(result.getLong(4))));
                    }
                }
            }
            return updates;
        });
    }

    @Override
    public void markDelivered(String kioskId, long upToId, Instant now) {
        database.write("Marking kiosk updates delivered", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE kiosk_updates SET delivered_at = ? "
                    + "WHERE kiosk_id = ? AND id <= ? AND delivered_at IS NULL")) {
                update.setLong(1, now.toEpochMilli());
                update.setString(2, kioskId);
                update.setLong(3, upToId);
                update.executeUpdate();
            }
            return null;
        });
    }

    private static void insertUpdate(Connection connection, String kioskId, Kind kind, String body, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kiosk_updates (kiosk_id, kind, body, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, kioskId);
            insert.setString(2, kind.name());
            insert.setString(3, body);
            insert.setLong(4, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

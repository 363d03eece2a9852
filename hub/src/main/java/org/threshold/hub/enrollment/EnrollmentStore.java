package org.threshold.hub.enrollment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.enrollment.EnrollmentCode;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.hub.feed.UpdateFeed;
import org.threshold.hub.store.AdminDatabase;

/**
 * The hub's administrative records in {@link AdminDatabase} ({@code admin.db}): one-time enrollment codes
 * (hashed), the kiosk registry (site, certificate, software version), and each site's operators. A change kiosks
 * must hear of is published on the {@link UpdateFeed} (same file) in the same transaction. The hub and the
 * {@code provision} command line (run on the hub host, on the same data folder) share it. Thread-safe.
 */
public final class EnrollmentStore {
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
              certificate_pem  TEXT    NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS site_operators (
              site            TEXT    NOT NULL,
              name            TEXT    NOT NULL,
              role            TEXT    NOT NULL,
              passphrase_hash TEXT    NOT NULL,
              updated_at      INTEGER NOT NULL,
              PRIMARY KEY (site, name))""");

    private final AdminDatabase database;
    private final UpdateFeed feed;

    private EnrollmentStore(AdminDatabase database, UpdateFeed feed) {
        this.database = database;
        this.feed = feed;
    }

    /** The store in {@code database}, its tables created if missing; {@code feed} must keep its updates there too. */
    public static EnrollmentStore open(AdminDatabase database, UpdateFeed feed) {
        database.write("Creating the enrollment tables", connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : TABLES) {
                    statement.execute(sql);
                }
            }
            return null;
        });
        return new EnrollmentStore(database, feed);
    }

    /** A kiosk as the registry knows it; last contact and events come from the event store. */
    public record KioskRow(String kioskId, String site, Instant enrolledAt, String softwareVersion,
                           Optional<Instant> revokedAt) {
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
     * Revokes a kiosk: the hub refuses its batches from now on, and a wipe order waits on the feed for its next pull.
     *
     * @return false if it was already revoked (the first revocation and its order stand)
     */
    public boolean revoke(String kioskId, String reason, Instant now) {
        return database.write("Revoking a kiosk", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM revoked_kiosks WHERE kiosk_id = ?")) {
                query.setString(1, kioskId);
                try (ResultSet result = query.executeQuery()) {
                    if (result.next()) {
                        return false;
                    }
                }
            }
            feed.publish(connection, Optional.of(kioskId), new FeedUpdate.RevocationOrder(true, reason), now);
            return true;
        });
    }

    /** Every registered kiosk with what the hub knows of it, by id. */
    public List<KioskRow> kiosks() {
        return database.read("Listing kiosks", connection -> {
            List<KioskRow> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT r.kiosk_id, r.site, r.enrolled_at, r.software_version, v.revoked_at
                    FROM kiosk_registry r LEFT JOIN revoked_kiosks v ON v.kiosk_id = r.kiosk_id
                    ORDER BY r.kiosk_id""");
                 ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new KioskRow(result.getString(1), result.getString(2),
                            Instant.ofEpochMilli(result.getLong(3)), result.getString(4), instant(result, 5)));
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

    /**
     * Adds or replaces an operator of {@code site}, and publishes the site's operators to every active kiosk there.
     *
     * @return how many kiosks will be told
     */
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
            return publishOperators(connection, site, now);
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
            return publishOperators(connection, site, now);
        });
    }

    public Optional<OperatorRecord> operator(String site, String name) {
        return operators(site).stream().filter(operator -> operator.name().equals(name)).findFirst();
    }

    public List<OperatorRecord> operators(String site) {
        return database.read("Reading a site's operators", connection -> operators(connection, site));
    }

    private static List<OperatorRecord> operators(Connection connection, String site) throws SQLException {
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
    }

    /** Publishes a new hub sealing key to every kiosk. @return how many kiosks are active (not revoked) */
    public int announceSealingKey(String keyId, String publicKeyBase64, Instant now) {
        return database.write("Announcing a sealing key", connection -> {
            feed.publish(connection, Optional.empty(), new FeedUpdate.SealingKey(keyId, publicKeyBase64), now);
            return activeKiosks(connection, null).size();
        });
    }

    /** The feed's operators update replaces a kiosk's whole list, so each change sends the site's list. */
    private int publishOperators(Connection connection, String site, Instant now) throws SQLException {
        FeedUpdate.Operators update = new FeedUpdate.Operators(operators(connection, site));
        List<String> kiosks = activeKiosks(connection, site);
        for (String kioskId : kiosks) {
            feed.publish(connection, Optional.of(kioskId), update, now);
        }
        return kiosks.size();
    }

    private static List<String> activeKiosks(Connection connection, String siteOrNull) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT kiosk_id FROM kiosk_registry "
                + "WHERE kiosk_id NOT IN (SELECT kiosk_id FROM revoked_kiosks) AND (? IS NULL OR site = ?) "
                + "ORDER BY kiosk_id")) {
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
}

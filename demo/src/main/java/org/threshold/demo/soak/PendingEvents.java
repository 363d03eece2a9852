package org.threshold.demo.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventIds;
import org.threshold.core.event.EventSealer;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServices;
import org.threshold.kiosk.store.KioskDatabase;

/**
 * A peak day's backlog for soak tests and benchmarks: real registrations, sealed to the hub and signed with
 * the enrolled kiosk's key, appended to the kiosk's own {@code kiosk.db} as pending events in one transaction
 * (the registration path commits one by one, which would make filling 50,000 slower than syncing them).
 */
public final class PendingEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PendingEvents() {
    }

    /** One event as held somewhere: sequence, id and hash. */
    public record Held(long sequence, String eventId, String hashHex) {
    }

    /** Appends {@code count} registrations to the enrolled kiosk in {@code kioskDir}. */
    public static void fill(Path kioskDir, int count) throws IOException, SQLException {
        KioskConfig config = JSON.readValue(kioskDir.resolve(DeploymentLayout.KIOSK_CONFIG).toFile(), KioskConfig.class);
        SigningKey key = JSON.readValue(kioskDir.resolve(DeploymentLayout.KIOSK_KEY).toFile(), KeyPairFile.class)
                .signingKey();
        Path db = kioskDir.resolve("kiosk.db");
        KioskDatabase.open(db).close(); // creates the schema the kiosk would
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now();
        EventIds ids = new EventIds(Clock.fixed(now, ZoneOffset.UTC), random);
        EventSealer sealer = new EventSealer(config.kioskId(), key, config.hubSealing());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            connection.setAutoCommit(false);
            ChainPosition position = head(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events (sequence, event_id, "
                    + "type, recorded_at, hash, envelope) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    IssuedToken token = IssuedToken.issue(TokenId.random(random), config.kioskId(),
                            LocalDate.ofInstant(now, ZoneOffset.UTC), key);
                    RegistrationPayload payload = new RegistrationPayload(UUID.randomUUID(), config.site(), now, token,
                            household());
                    SignedEvent event = sealer.seal(position, ids.next(), now, EventType.HOUSEHOLD_REGISTERED,
                            payload.toJson());
                    insert.setLong(1, event.header().sequence());
                    insert.setString(2, event.header().eventId().toString());
                    insert.setString(3, event.header().type().wireName());
                    insert.setString(4, event.header().recordedAt().toString());
                    insert.setBytes(5, event.hash());
                    insert.setBytes(6, event.encode());
                    insert.addBatch();
                    position = ChainPosition.after(event);
                    if (i % 1_000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    /** Every event in a kiosk's {@code kiosk.db}, in sequence order. */
    public static List<Held> onKiosk(Path kioskDir) throws SQLException {
        return read(kioskDir.resolve("kiosk.db"), "SELECT sequence, event_id, lower(hex(hash)) FROM events ORDER BY sequence");
    }

    /**
     * Every event a hub holds for one kiosk, in sequence order (duplicates would show twice), read through the hub's
     * own services as an administrator's tool would, never its database file.
     */
    public static List<Held> onHub(Path hubDir, String kioskId) {
        try (HubServices hub = HubServices.open(hubDir, DatabaseSettings.SQLITE_IN_DATA_FOLDER, Clock.systemUTC())) {
            return hub.syncStatus().chain(kioskId).stream()
                    .map(event -> new Held(event.sequence(), event.eventId().toString(), Bytes.hex(event.hash())))
                    .toList();
        }
    }

    /** How many of a kiosk's events still wait for the hub's acknowledgement. */
    public static long pending(Path kioskDir) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kioskDir.resolve("kiosk.db"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM events WHERE synced = 0")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Held> read(Path db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<Held> held = new ArrayList<>();
            while (rows.next()) {
                held.add(new Held(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
            return held;
        }
    }

    private static ChainPosition head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT sequence, hash FROM events ORDER BY sequence DESC LIMIT 1")) {
            return row.next() ? new ChainPosition(row.getLong(1), row.getBytes(2)) : ChainPosition.GENESIS;
        }
    }

    private static Household household() {
        Member focalPoint = new Member("نورهان", "الزعبي", "Nourhan", "Al-Zoubi", Sex.F, LocalDate.of(1990, 3, 1),
                false, null, "SYR", Relationship.FOCAL_POINT, List.of("WR-SF"));
        Member son = new Member("يوسف", "الزعبي", null, null, Sex.M, LocalDate.of(2014, 7, 12), false, null, "SYR",
                Relationship.SON, List.of());
        return new Household(LocalDate.of(2026, 11, 23), new Origin("SYR", "Aleppo"), List.of("ar"), null,
                new Consent(true, true), List.of(focalPoint, son));
    }
}

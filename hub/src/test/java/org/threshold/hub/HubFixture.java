package org.threshold.hub;

import org.threshold.core.testing.QuickArgon2;
import org.threshold.core.testing.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.SealingKeyFile;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.deployment.HubDataKey;

/**
 * A hub on a random loopback port over a real data folder: keys.json written the way provisioning writes it, a
 * real store (SQLite in the data folder unless a {@link DatabaseSettings} is given), one enrolled kiosk, an
 * admin account and a protection officer's. {@link #rows} reads the store with the test's own JDBC connection, in SQL both databases run.
 */
final class HubFixture implements AutoCloseable {
    static final String ADMIN = "amal";
    /** A protection officer of gbv, child-protection and legal: reads any household. */
    static final String OFFICER = "nadia";
    static final String PASSWORD = "correct horse battery staple";
    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dataDir;
    final DatabaseSettings database;
    final SigningKey hubIdentity;
    final SealingPrivateKey hubSealing;
    final TestClock clock = new TestClock(START);
    final TestKiosk kiosk;
    /** Every kiosk made here, by id, so the client signs its batches with its key as its sync client would. */
    private final Map<String, SigningKey> kioskKeys;
    private HubServer hub;
    private boolean running;
    private HubClient client;

    private HubFixture(Path dataDir, DatabaseSettings database) {
        this.dataDir = dataDir;
        this.database = database;
        SecureRandom random = new SecureRandom();
        this.hubIdentity = SigningKey.generate(random);
        this.hubSealing = HubSealing.generate(random);
        this.kiosk = new TestKiosk("KIOSK-01", hubSealing.publicKey());
        this.kioskKeys = new ConcurrentHashMap<>(Map.of(kiosk.kioskId, kiosk.key));
        write(dataDir.resolve(DeploymentLayout.HUB_KEYS), new HubKeysFile(KeyPairFile.of(hubIdentity),
                List.of(SealingKeyFile.of(hubSealing, true))));
        enroll(kiosk);
    }

    /** The same data folder, keys and kiosk, with the hub's state now in {@code database}: after a store move. */
    private HubFixture(HubFixture before, DatabaseSettings database) {
        this.dataDir = before.dataDir;
        this.database = database;
        this.hubIdentity = before.hubIdentity;
        this.hubSealing = before.hubSealing;
        this.kiosk = before.kiosk;
        this.kioskKeys = before.kioskKeys;
    }

    /** Starts a hub on {@code stopped}'s data folder, keys and kiosk, over {@code database}. */
    static HubFixture restartOn(HubFixture stopped, DatabaseSettings database) {
        HubFixture fixture = new HubFixture(stopped, database);
        fixture.startHub();
        return fixture;
    }

    static HubFixture start(Path dataDir) {
        return start(dataDir, DatabaseSettings.SQLITE_IN_DATA_FOLDER);
    }

    static HubFixture start(Path dataDir, DatabaseSettings database) {
        HubFixture fixture = new HubFixture(dataDir, database);
        fixture.startHub();
        return fixture;
    }

    TestKiosk newKiosk(String kioskId) {
        TestKiosk made = new TestKiosk(kioskId, hubSealing.publicKey());
        kioskKeys.put(kioskId, made.key);
        return made;
    }

    /** Trusts the kiosk's key through the hub's kiosk directory, as `provision` or the demo does. */
    void enroll(TestKiosk enrolled) {
        if (hub != null && running) {
            hub.services().kiosks().enrollByKey(enrolled.kioskId, TestKiosk.SITE, enrolled.key.verifyingKey());
            return;
        }
        try (HubServices services = HubServices.open(dataDir, database, clock, QuickArgon2.COST)) {
            services.kiosks().enrollByKey(enrolled.kioskId, TestKiosk.SITE, enrolled.key.verifyingKey());
        }
    }

    HubServer server() {
        return hub;
    }

    HubClient client() {
        return client;
    }

    void stopHub() {
        hub.close();
        running = false;
    }

    void startHub() {
        startHub(org.threshold.hub.app.sync.IngestGate.DEFAULT);
    }

    void startHub(org.threshold.hub.app.sync.IngestGate gate) {
        startHub(gate, org.threshold.hub.web.http.ConnectionLimits.DEFAULT);
    }

    void startHub(org.threshold.hub.app.sync.IngestGate gate, org.threshold.hub.web.http.ConnectionLimits limits) {
        hub = HubServer.start(HubSettings.of(dataDir).withClock(clock).withDatabase(database)
                .withBootstrapAdmin(ADMIN, PASSWORD.toCharArray()).withPasswordCost(QuickArgon2.COST), gate, limits);
        running = true;
        if (hub.services().accounts().find(OFFICER).isEmpty()) {
            hub.services().accounts().add(OFFICER, PASSWORD.toCharArray(), new Accounts.Grant(Role.PROTECTION_OFFICER,
                    "Protection NGO", Set.of("gbv", "child-protection", "legal")));
        }
        client = new HubClient(hub.port(), clock, kioskKeys::get);
    }

    void restart() {
        stopHub();
        startHub();
    }

    /** A SQL query's rows, read from the store on a connection of the test's own. */
    List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(sameOnEveryEngine(result.getObject(column)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first stored household's JSON, opened with the hub's data key as the hub opens it: the store holds it sealed.
     */
    String openedHouseholdJson() {
        List<Object> row = rows("SELECT household_id, key_id, wrapped_key, sealed_json FROM households").get(0);
        SealedHousehold sealed = new SealedHousehold(java.util.UUID.fromString((String) row.get(0)), null, null, null,
                null, null, null, null, (String) row.get(1), (byte[]) row.get(2), (byte[]) row.get(3), null);
        return new HouseholdVault(HubDataKey.load(dataDir), new SecureRandom()).open(sealed).householdJson();
    }

    /** PostgreSQL answers BIGINT as Long where SQLite answers a small number as Integer: compare as SQLite does. */
    private static Object sameOnEveryEngine(Object value) {
        if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        return value;
    }

    long count(String table) {
        return ((Number) rows("SELECT COUNT(*) FROM " + table).get(0).get(0)).longValue();
    }

    /** For a stopped hub: changes the store behind its back. */
    void execute(String sql, Object... parameters) {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        if (database.password() != null) {
            properties.setProperty("password", new String(database.password()));
        }
        return DriverManager.getConnection(database.urlFor(dataDir), properties);
    }

    private static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (running) {
            stopHub();
        }
    }
}

package org.threshold.hub;

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
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.SealingKeyFile;

/**
 * A hub on a random loopback port over a real data folder: keys.json and kiosks/ written the way provisioning
 * writes them, a real hub.db, one enrolled kiosk, and an admin account.
 */
final class HubFixture implements AutoCloseable {
    static final String ADMIN = "amal";
    static final String PASSWORD = "correct horse battery staple";
    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dataDir;
    final SigningKey hubIdentity;
    final SealingPrivateKey hubSealing;
    final TestClock clock = new TestClock(START);
    final TestKiosk kiosk;
    private HubServer hub;
    private HubClient client;

    private HubFixture(Path dataDir) {
        this.dataDir = dataDir;
        SecureRandom random = new SecureRandom();
        this.hubIdentity = SigningKey.generate(random);
        this.hubSealing = HubSealing.generate(random);
        this.kiosk = new TestKiosk("KIOSK-01", hubSealing.publicKey());
        write(dataDir.resolve(DeploymentLayout.HUB_KEYS), new HubKeysFile(KeyPairFile.of(hubIdentity),
                List.of(SealingKeyFile.of(hubSealing, true))));
        enroll(kiosk);
    }

    static HubFixture start(Path dataDir) {
        HubFixture fixture = new HubFixture(dataDir);
        fixture.startHub();
        return fixture;
    }

    TestKiosk newKiosk(String kioskId) {
        return new TestKiosk(kioskId, hubSealing.publicKey());
    }

    void enroll(TestKiosk enrolled) {
        write(dataDir.resolve(DeploymentLayout.ENROLLED_KIOSKS).resolve(enrolled.kioskId + ".json"),
                enrolled.enrollment());
    }

    HubServer server() {
        return hub;
    }

    HubClient client() {
        return client;
    }

    void stopHub() {
        hub.close();
    }

    void startHub() {
        startHub(org.threshold.hub.sync.IngestGate.DEFAULT);
    }

    void startHub(org.threshold.hub.sync.IngestGate gate) {
        hub = HubServer.start(HubSettings.of(dataDir).withClock(clock)
                .withBootstrapAdmin(ADMIN, PASSWORD.toCharArray()), gate);
        client = new HubClient(hub.port());
    }

    void restart() {
        stopHub();
        startHub();
    }

    /** A SQL query's rows, read from hub.db on a connection of the test's own. */
    List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(HubServer.DATABASE_FILE));
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
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String table) {
        return ((Number) rows("SELECT COUNT(*) FROM " + table).get(0).get(0)).longValue();
    }

    /** For a stopped hub: changes hub.db behind its back. */
    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(HubServer.DATABASE_FILE));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        hub.close();
    }
}

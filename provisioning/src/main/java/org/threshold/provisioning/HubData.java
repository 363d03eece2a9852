package org.threshold.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.hub.HubServer;
import org.threshold.hub.enrollment.EnrollmentStore;
import org.threshold.hub.feed.UpdateFeed;
import org.threshold.hub.store.AdminDatabase;
import org.threshold.hub.store.SqliteUpdateStore;

/**
 * The hub's data folder as the command line uses it, on the hub host, whether or not the hub runs: the
 * administrative store and the update feed ({@code admin.db}, shared with the running hub, which serves the feed
 * to kiosks) and, read-only, what the event store ({@code hub.db}) knows of each kiosk's contact.
 */
final class HubData implements AutoCloseable {
    private final Path hubDir;
    private final EnrollmentStore store;

    private HubData(Path hubDir, EnrollmentStore store) {
        this.hubDir = hubDir;
        this.store = store;
    }

    static HubData open(Path hubDir) {
        if (!Files.isRegularFile(hubDir.resolve(DeploymentLayout.HUB_KEYS))) {
            throw new ProvisioningException("No deployment in " + hubDir.toAbsolutePath() + " (no "
                    + DeploymentLayout.HUB_KEYS + "). Give the hub's data folder with --hub, or create a deployment "
                    + "with `provision init`.");
        }
        try {
            AdminDatabase admin = AdminDatabase.in(hubDir);
            UpdateFeed feed = new UpdateFeed(SqliteUpdateStore.open(admin), Clock.systemUTC());
            return new HubData(hubDir, EnrollmentStore.open(admin, feed));
        } catch (IllegalStateException e) {
            throw new ProvisioningException(e.getMessage());
        }
    }

    Path hubDir() {
        return hubDir;
    }

    EnrollmentStore store() {
        return store;
    }

    DeploymentSettings settings() {
        Path file = hubDir.resolve(DeploymentSettings.FILE);
        if (!Files.isRegularFile(file)) {
            throw new ProvisioningException("This hub was set up without `provision init` (no " + DeploymentSettings.FILE
                    + "), so it has no deployment root to enroll kiosks with. Set up a new hub folder with "
                    + "`provision init --hub DIR --name NAME --hub-url https://...`.");
        }
        return DeploymentFiles.read(file, DeploymentSettings.class);
    }

    /** What the hub holds from one kiosk: when its last batch arrived and how many events. */
    record Contact(Instant lastBatch, long events) {
    }

    /** By kiosk id; empty when the hub has not run yet. Reads only. */
    Map<String, Contact> contacts() {
        Path database = hubDir.resolve(HubServer.DATABASE_FILE);
        Map<String, Contact> contacts = new HashMap<>();
        if (!Files.isRegularFile(database)) {
            return contacts;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(),
                config.toProperties());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT kiosk_id, MAX(received_at), COUNT(*) FROM events GROUP BY kiosk_id");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                contacts.put(result.getString(1), new Contact(Instant.ofEpochMilli(result.getLong(2)), result.getLong(3)));
            }
        } catch (SQLException e) {
            throw new ProvisioningException("Could not read the hub's events in " + database + " (" + e.getMessage()
                    + "). Run this on the hub host as the hub's user.");
        }
        return contacts;
    }

    @Override
    public void close() {
        // Every store operation opens and closes its own connection.
    }
}

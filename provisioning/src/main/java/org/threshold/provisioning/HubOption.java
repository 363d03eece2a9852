package org.threshold.provisioning;

import java.nio.file.Path;
import org.threshold.hub.DatabaseSettings;
import picocli.CommandLine.Option;

/**
 * {@code --hub DIR [--db JDBC_URL [--db-password-file FILE]]}, shared by every command that works on the hub: its
 * data folder (keys and certificates) and, when the hub runs on PostgreSQL, its database.
 */
final class HubOption {
    static final String DEFAULT_HUB = "/var/lib/threshold/hub";

    @Option(names = "--hub", paramLabel = "DIR", defaultValue = DEFAULT_HUB,
            description = "The hub's data folder, on this machine (default: ${DEFAULT-VALUE}).")
    Path hubDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "The hub's PostgreSQL database, as the hub was "
            + "started with it, e.g. 'jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold'; default: the db of "
            + "--hub-conf when that file exists, else SQLite in the data folder.")
    String databaseUrl;

    @Option(names = "--hub-conf", paramLabel = "FILE", defaultValue = HubConfDatabase.DEFAULT_FILE,
            description = "The hub service's settings (threshold-hub package), whose db and db.password-file are used "
                + "when --db is not given (default: ${DEFAULT-VALUE}, if it exists).")
    Path hubConf;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "A file whose first line is the database password, so it is not on the command line.")
    Path databasePasswordFile;

    DatabaseSettings database() {
        try {
            HubConfDatabase service = databaseUrl == null && databasePasswordFile == null && hubConf != null
                    ? HubConfDatabase.read(hubConf) : null;
            if (service != null) {
                return DatabaseSettings.of(service.jdbcUrl(), service.passwordFile());
            }
            return DatabaseSettings.of(databaseUrl, databasePasswordFile);
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        }
    }
}

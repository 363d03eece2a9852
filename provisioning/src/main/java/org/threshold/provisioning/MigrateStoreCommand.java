package org.threshold.provisioning;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubStartupException;
import org.threshold.hub.app.StoreMove;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "migrate-store", mixinStandardHelpOptions = true,
        description = {"Move the hub's state into another, empty database (from SQLite in the data folder to "
                + "PostgreSQL, when the deployment outgrows one machine). Every row is copied in one transaction, then "
                + "the row counts of every table and every kiosk's chain head are checked against the source. A target "
                + "that holds anything is refused. Stop the hub first; afterwards start it (and any further "
                + "instances) with --db set to the target. The source is left as it was."},
        footer = {"", "Example:", "  provision migrate-store --hub /var/lib/threshold/hub \\",
            "      --to 'jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold' \\",
            "      --to-password-file /etc/threshold/db-password"})
final class MigrateStoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HubOption hub;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL", description = "The empty target database.")
    String targetUrl;

    @Option(names = "--to-password-file", paramLabel = "FILE",
            description = "A file whose first line is the target database's password.")
    Path targetPasswordFile;

    @Override
    public Integer call() {
        if (hub.databaseUrl == null && hub.databasePasswordFile != null) {
            // Without --db the source is SQLite, which has no password: the file was surely meant for the target.
            throw new ProvisioningException("--db-password-file is the source database's password and goes with --db; "
                    + "give the target's password with --to-password-file FILE. Nothing was copied.");
        }
        DatabaseSettings target;
        try {
            target = DatabaseSettings.of(targetUrl, targetPasswordFile);
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage().replace("--db", "--to"));
        }
        try (HubData data = HubData.open(hub)) {
            StoreMove.Moved moved;
            try {
                moved = data.services().moveTo(hub.hubDir, target);
            } catch (HubStartupException | IllegalStateException e) {
                throw new ProvisioningException(e.getMessage());
            }
            spec.commandLine().getOut().println("Moved the hub's state to " + target + ":");
            for (Map.Entry<String, Long> table : moved.rows().entrySet()) {
                spec.commandLine().getOut().printf("  %-20s %10d rows%n", table.getKey(), table.getValue());
            }
            spec.commandLine().getOut().println("Checked: every table's row count and " + moved.chains()
                    + " kiosk chain head(s) match the source.");
            spec.commandLine().getOut().println("From now on start the hub (and provision) with --db and the URL given "
                    + "to --to; keep the old database as a backup until you have checked the hub.");
            return 0;
        }
    }
}

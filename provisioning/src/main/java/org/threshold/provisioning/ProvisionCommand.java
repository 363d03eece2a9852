package org.threshold.provisioning;

import java.io.UncheckedIOException;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The administrator's command line. It runs on the hub host, works on the hub's data folder (keys and
 * certificates), and reaches the hub's state only through the hub's own application services, whether or not the
 * hub is running.
 */
@Command(name = "provision", mixinStandardHelpOptions = true, version = "provision 0.1.0",
        description = {"Set up and run a Threshold deployment from the hub host: keys and certificates, kiosk "
                + "enrollment codes, hub accounts, operators, revocation, key rotation, and the files a Raspberry Pi kiosk needs.",
            "Run it on the hub host as the hub's user: it works on the hub's data folder (--hub, default "
                + HubOption.DEFAULT_HUB + ") and the hub's database (--db, if not SQLite in that folder) through the "
                + "hub's own services, whether or not the hub is running."},
        footer = {"", "Example (a new deployment, its first administrator, operator and kiosk):",
            "  provision init --name \"Threshold Bulgaria\" --hub-url https://hub.example.org:8443",
            "  provision accounts add --username nadia --role ADMIN",
            "  provision operators add --site \"North gate\" --name amal",
            "  provision kiosk add --site \"North gate\""},
        subcommands = {InitCommand.class, KioskCommand.class, OperatorsCommand.class, AccountsCommand.class,
            RotateSealingKeyCommand.class, PiFilesCommand.class, MigrateStoreCommand.class, BackupCommand.class,
            RestoreCommand.class, BackupKeyCommand.class, RetentionCommand.class})
public final class ProvisionCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling, for {@link #main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ProvisionCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            if (exception instanceof ProvisioningException || exception instanceof UncheckedIOException
                    || exception instanceof Refusal || exception instanceof StoreException) {
                cmd.getErr().println("provision: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }
}

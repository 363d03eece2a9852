package org.threshold.provisioning;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.deployment.OperatorRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The administrator's command line: {@code provision init} and {@code provision enroll-kiosk}. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Set up a Threshold deployment: hub keys and kiosk enrollment.",
        subcommands = {ProvisionCommand.Init.class, ProvisionCommand.EnrollKiosk.class})
public final class ProvisionCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ProvisionCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            if (exception instanceof ProvisioningException || exception instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("provision: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the hub's identity (Ed25519) and sealing (HPKE X-Wing) keys, owner-only.",
            footer = {"", "Example:", "  provision init --hub /var/lib/threshold/hub"})
    static final class Init implements Callable<Integer> {
        @Option(names = "--hub", required = true, description = "The hub's data folder.")
        Path hubDir;

        @Override
        public Integer call() {
            Provisioner.HubIdentity identity = new Provisioner(new SecureRandom()).initHub(hubDir);
            System.out.println("Hub keys written to " + hubDir.resolve("keys.json") + " (owner-only).");
            System.out.println("  identity key fingerprint: " + identity.identityFingerprint());
            System.out.println("  sealing key id:           " + identity.sealingKeyId());
            System.out.println("Back this file up offline: without it no sealed record can be opened.");
            return 0;
        }
    }

    @Command(name = "enroll-kiosk", mixinStandardHelpOptions = true,
            description = "Create a kiosk's key pair and configuration, and enroll its public key at the hub.",
            footer = {"", "Example:",
                "  provision enroll-kiosk --hub /var/lib/threshold/hub --kiosk /media/sd/threshold \\",
                "      --id KIOSK-01 --site \"Kapitan Andreevo\" --hub-url https://hub.example.org \\",
                "      --operator amal --passphrase-env AMAL_PASSPHRASE"})
    static final class EnrollKiosk implements Callable<Integer> {
        @Option(names = "--hub", required = true, description = "The hub's data folder (holds keys.json).")
        Path hubDir;

        @Option(names = "--kiosk", required = true, description = "The kiosk's data folder to write.")
        Path kioskDir;

        @Option(names = "--id", required = true, description = "Kiosk id: A-Z, 0-9 and '-', e.g. KIOSK-01.")
        String kioskId;

        @Option(names = "--site", required = true, description = "Reception point name, printed on cards.")
        String site;

        @Option(names = "--hub-url", required = true, description = "Where the kiosk reaches the hub.")
        String hubUrl;

        @Option(names = "--operator", required = true, description = "First operator's name (a-z, 0-9, . _ -).")
        String operator;

        @Option(names = "--supervisor", description = "Give the operator the supervisor role.")
        boolean supervisor;

        @Option(names = "--passphrase-env", description = "Read the operator's passphrase from this environment "
                + "variable instead of asking.")
        String passphraseEnv;

        @Override
        public Integer call() {
            char[] passphrase = passphrase();
            OperatorRecord.Role role = supervisor ? OperatorRecord.Role.SUPERVISOR : OperatorRecord.Role.RECEPTION;
            KioskConfig config = new Provisioner(new SecureRandom()).enrollKiosk(hubDir, kioskDir, kioskId, site,
                    hubUrl, List.of(new Provisioner.OperatorGrant(operator, role, passphrase)));
            System.out.println("Kiosk " + config.kioskId() + " enrolled for site \"" + config.site() + "\".");
            System.out.println("  kiosk files: " + kioskDir.toAbsolutePath() + " (kiosk-key.json is owner-only)");
            System.out.println("  hub trusts it from now on: " + hubDir.resolve("kiosks").resolve(kioskId + ".json"));
            return 0;
        }

        private char[] passphrase() {
            if (passphraseEnv != null) {
                String value = System.getenv(passphraseEnv);
                if (value == null) {
                    throw new ProvisioningException("Environment variable " + passphraseEnv + " is not set.");
                }
                return value.toCharArray();
            }
            java.io.Console console = System.console();
            if (console == null) {
                throw new ProvisioningException("No terminal to ask for the passphrase: use --passphrase-env VAR.");
            }
            return console.readPassword("Passphrase for operator %s: ", operator);
        }
    }
}

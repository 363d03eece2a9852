package org.threshold.provisioning;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.threshold.core.crypto.PassphraseHash;
import org.threshold.core.deployment.OperatorRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "operators", mixinStandardHelpOptions = true,
        description = {"Manage the reception operators of a site. Changes are recorded at the hub and reach the "
                + "site's kiosks on their next pull of the sync update feed; a kiosk enrolled later gets the site's "
                + "operators with its enrollment. Only an Argon2id hash of a passphrase is kept."},
        footer = {"", "Example:", "  AMAL_PASSPHRASE='four words of hers' provision operators add --site \"North gate\" \\",
            "      --name amal --passphrase-env AMAL_PASSPHRASE",
            "  provision operators reset --site \"North gate\" --name amal",
            "  provision operators remove --site \"North gate\" --name amal"},
        subcommands = {OperatorsCommand.Add.class, OperatorsCommand.Remove.class, OperatorsCommand.Reset.class})
final class OperatorsCommand {

    static class OperatorOptions {
        @Mixin
        HubOption hub;

        @Option(names = "--site", required = true, description = "The reception point the operator works at.")
        String site;

        @Option(names = "--name", required = true, description = "The operator's name (a-z, 0-9, '.', '_', '-').")
        String name;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an operator to a site; asks for the passphrase twice unless --passphrase-env is given.",
            footer = {"", "Example:", "  provision operators add --site \"North gate\" --name amal --supervisor"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OperatorOptions operator;

        @Option(names = "--supervisor", description = "Supervisor role (corrections, reprints) instead of reception.")
        boolean supervisor;

        @Option(names = "--passphrase-env", paramLabel = "VAR", description = "Read the passphrase from this "
                + "environment variable instead of asking.")
        String passphraseEnv;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from this "
                + "file's first line instead of asking.")
        java.nio.file.Path passphraseFile;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(operator.hub)) {
                if (data.services().enrollment().operator(operator.site, operator.name).isPresent()) {
                    throw new ProvisioningException("Site \"" + operator.site + "\" already has an operator "
                            + operator.name + ". To give a new passphrase use `provision operators reset`.");
                }
                OperatorRecord.Role role = supervisor ? OperatorRecord.Role.SUPERVISOR : OperatorRecord.Role.RECEPTION;
                int kiosks = data.services().enrollment().setOperator(operator.site, record(operator.name, role, passphraseEnv, passphraseFile, spec.commandLine().getOut()));
                spec.commandLine().getOut().println("Operator " + operator.name + " (" + role + ") added at \"" + operator.site + "\"; "
                        + kiosks + " enrolled kiosk(s) there get it on their next pull.");
                return 0;
            }
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Give an operator a new passphrase (the old one stops working on each kiosk as it pulls).",
            footer = {"", "Example:", "  provision operators reset --site \"North gate\" --name amal"})
    static final class Reset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OperatorOptions operator;

        @Option(names = "--passphrase-env", paramLabel = "VAR", description = "Read the new passphrase from this "
                + "environment variable instead of asking.")
        String passphraseEnv;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the new passphrase from this "
                + "file's first line instead of asking.")
        java.nio.file.Path passphraseFile;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(operator.hub)) {
                OperatorRecord existing = data.services().enrollment().operator(operator.site, operator.name).orElseThrow(() ->
                        new ProvisioningException("Site \"" + operator.site + "\" has no operator " + operator.name
                                + ". Add one with `provision operators add`."));
                int kiosks = data.services().enrollment().setOperator(operator.site,
                        record(operator.name, existing.role(), passphraseEnv, passphraseFile, spec.commandLine().getOut()));
                spec.commandLine().getOut().println("Operator " + operator.name + " has a new passphrase; " + kiosks
                        + " kiosk(s) at \"" + operator.site + "\" get it on their next pull.");
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove an operator from a site: each kiosk there refuses them once it has pulled.",
            footer = {"", "Example:", "  provision operators remove --site \"North gate\" --name amal"})
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OperatorOptions operator;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(operator.hub)) {
                int kiosks = data.services().enrollment().removeOperator(operator.site, operator.name);
                if (kiosks < 0) {
                    throw new ProvisioningException("Site \"" + operator.site + "\" has no operator " + operator.name
                            + "; nothing removed.");
                }
                spec.commandLine().getOut().println("Operator " + operator.name + " removed from \"" + operator.site + "\"; " + kiosks
                        + " kiosk(s) there drop them on their next pull.");
                return 0;
            }
        }
    }

    private static OperatorRecord record(String name, OperatorRecord.Role role, String passphraseEnv,
                                         java.nio.file.Path passphraseFile, java.io.PrintWriter out) {
        char[] passphrase = Passphrases.read(passphraseEnv, passphraseFile, "operator " + name);
        try {
            out.println("... hashing the passphrase (Argon2id, takes a few seconds)");
            return new OperatorRecord(name, role, PassphraseHash.create(passphrase, new SecureRandom()).encode());
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}

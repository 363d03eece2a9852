package org.threshold.provisioning;

/**
 * Reads a passphrase (an operator's or a hub account's password) from a file's first line, an environment variable
 * or, without either, twice from the terminal.
 */
final class Passphrases {
    static final int MINIMUM_LENGTH = 8;

    private Passphrases() {
    }

    /** @param whose who it is for, as the prompt and messages say it, e.g. "operator amal" */
    static char[] read(String environmentVariable, java.nio.file.Path file, String whose) {
        char[] passphrase;
        if (file != null) {
            try {
                passphrase = java.nio.file.Files.readAllLines(file).stream().findFirst().orElse("").toCharArray();
            } catch (java.io.IOException e) {
                throw new ProvisioningException("Could not read the passphrase from " + file + " (" + e.getMessage()
                        + "). Give a readable file whose first line is the passphrase.");
            }
        } else if (environmentVariable != null) {
            String value = System.getenv(environmentVariable);
            if (value == null) {
                throw new ProvisioningException("Environment variable " + environmentVariable + " is not set. "
                        + "Set it to the passphrase, or leave --passphrase-env out to be asked.");
            }
            passphrase = value.toCharArray();
        } else {
            java.io.Console console = System.console();
            if (console == null) {
                throw new ProvisioningException("No terminal to ask for the passphrase: use --passphrase-env VAR.");
            }
            passphrase = console.readPassword("Passphrase for %s: ", whose);
            char[] again = console.readPassword("The same passphrase again: ");
            if (passphrase == null || !java.util.Arrays.equals(passphrase, again)) {
                throw new ProvisioningException("The two passphrases differ. Run the command again.");
            }
        }
        if (passphrase.length < MINIMUM_LENGTH) {
            throw new ProvisioningException("The passphrase for " + whose + " is too short: use at least "
                    + MINIMUM_LENGTH + " characters (a few words are easier to type than symbols).");
        }
        return passphrase;
    }
}

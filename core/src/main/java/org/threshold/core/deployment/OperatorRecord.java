package org.threshold.core.deployment;

import org.threshold.core.crypto.PassphraseHash;

/**
 * A reception operator as provisioned to a kiosk ({@code operators.json}): name, role and an
 * Argon2id hash of the passphrase; never the passphrase itself.
 */
public record OperatorRecord(String name, Role role, String passphraseHash) {
    public enum Role { RECEPTION, SUPERVISOR }

    public OperatorRecord {
        if (name == null || !name.matches("[a-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("An operator name is 1 to 32 characters of a-z, 0-9, '.', '_', '-'");
        }
        PassphraseHash.decode(passphraseHash);
    }

    public PassphraseHash hash() {
        return PassphraseHash.decode(passphraseHash);
    }

    /** Without the hash: it is what an offline guessing attack starts from. */
    @Override
    public String toString() {
        return "OperatorRecord[" + name + ", " + role + ", passphrase hash REDACTED]";
    }
}

package org.threshold.core.crypto;

import java.security.SecureRandom;

/**
 * An Argon2id hash of an operator passphrase or a hub password, with the cost it was made with, so
 * costs can rise later without invalidating stored hashes. Stored as text:
 * {@code argon2id$v=19$m=47104,t=1,p=1$<salt b64>$<hash b64>}.
 */
public final class PassphraseHash {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2idCost cost;
    private final byte[] salt;
    private final byte[] hash;

    private PassphraseHash(Argon2idCost cost, byte[] salt, byte[] hash) {
        this.cost = cost;
        this.salt = salt;
        this.hash = hash;
    }

    public static PassphraseHash create(char[] passphrase, SecureRandom random) {
        return create(passphrase, random, Argon2idCost.DEFAULT);
    }

    public static PassphraseHash create(char[] passphrase, SecureRandom random, Argon2idCost cost) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PassphraseHash(cost, salt, cost.derive(passphrase, salt, HASH_BYTES));
    }

    public boolean matches(char[] passphrase) {
        return Bytes.constantTimeEquals(hash, cost.derive(passphrase, salt, hash.length));
    }

    public Argon2idCost cost() {
        return cost;
    }

    public String encode() {
        return cost.encode() + "$" + Bytes.base64(salt) + "$" + Bytes.base64(hash);
    }

    public static PassphraseHash decode(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 5) {
            throw new IllegalArgumentException("Not an Argon2id hash in the form argon2id$v=19$m=..,t=..,p=..$salt$hash");
        }
        return new PassphraseHash(Argon2idCost.parse(encoded), Bytes.base64(parts[3]), Bytes.base64(parts[4]));
    }

    @Override
    public String toString() {
        return "PassphraseHash[REDACTED]";
    }
}

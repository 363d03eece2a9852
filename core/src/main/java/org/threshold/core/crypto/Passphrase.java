package org.threshold.core.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A passphrase on its way from whoever typed it to Argon2id: characters in an array that {@link #close()}
 * overwrites, and a {@link #toString()} that never shows them, so a passphrase cannot reach a log or an error
 * message by being printed.
 */
public final class Passphrase implements AutoCloseable {
    private final char[] characters;

    private Passphrase(char[] characters) {
        this.characters = characters;
    }

    /** Takes the array itself (not a copy): closing this passphrase clears it. */
    public static Passphrase wrap(char[] characters) {
        return new Passphrase(Objects.requireNonNull(characters, "characters"));
    }

    /** The characters, for the key derivation; valid until {@link #close()}. */
    public char[] characters() {
        return characters;
    }

    public boolean isEmpty() {
        return characters.length == 0;
    }

    @Override
    public void close() {
        Arrays.fill(characters, '\0');
    }

    @Override
    public String toString() {
        return "Passphrase[REDACTED]";
    }
}

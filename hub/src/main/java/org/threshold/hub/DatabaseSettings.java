package org.threshold.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.threshold.hub.store.JdbiHubStore;

/**
 * Which database holds the hub's state: SQLite in the data folder when {@code jdbcUrl} is null (the default), or
 * the JDBC URL given with {@code --db}, with the password from {@code --db-password-file} so that no secret sits
 * on a command line. {@link #toString()} shows neither the password nor the URL's query.
 */
public record DatabaseSettings(String jdbcUrl, char[] password) {
    /** SQLite in the data folder. */
    public static final DatabaseSettings SQLITE_IN_DATA_FOLDER = new DatabaseSettings(null, null);

    public DatabaseSettings {
        password = password == null ? null : password.clone();
    }

    /**
     * @param passwordFile null, or a file whose first line is the password
     * @throws IllegalArgumentException saying what is wrong with the options
     */
    public static DatabaseSettings of(String jdbcUrl, Path passwordFile) {
        if (jdbcUrl == null && passwordFile != null) {
            throw new IllegalArgumentException("--db-password-file goes with --db JDBC_URL; SQLite needs no password.");
        }
        if (jdbcUrl == null) {
            return SQLITE_IN_DATA_FOLDER;
        }
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--db takes a JDBC URL, e.g. "
                    + "'jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold'.");
        }
        return new DatabaseSettings(jdbcUrl, passwordFile == null ? null : readPassword(passwordFile));
    }

    private static char[] readPassword(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read the database password file " + file + " ("
                    + e.getClass().getSimpleName() + "). Check the path and that this user may read it.");
        }
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = (end < 0 ? text : text.substring(0, end)).strip();
            if (line.isEmpty()) {
                throw new IllegalArgumentException("The database password file " + file + " is empty: put the "
                        + "password on its first line.");
            }
            return line.toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The URL to open for a hub whose data folder is {@code dataDir}. */
    public String urlFor(Path dataDir) {
        return jdbcUrl == null ? JdbiHubStore.sqliteUrl(dataDir) : jdbcUrl;
    }

    /** A copy, or null. */
    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + (jdbcUrl == null ? "SQLite in the data folder"
                : jdbcUrl.replaceAll("\\?.*", "?...")) + ", password " + (password == null ? "none" : "REDACTED") + "]";
    }
}

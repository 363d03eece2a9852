package org.threshold.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hub service's database as {@code /etc/threshold/hub.conf} names it ({@code db}, {@code db.password-file}), so
 * that on a host where the hub package runs it on PostgreSQL, {@code threshold-provision} reaches the same database
 * without --db. Only those two lines are read here; the service's launcher checks the whole file.
 */
record HubConfDatabase(String jdbcUrl, Path passwordFile) {
    static final String DEFAULT_FILE = "/etc/threshold/hub.conf";
    private static final String SQLITE = "sqlite";

    /** @return the PostgreSQL settings of {@code file}, or null when it is missing or says SQLite */
    static HubConfDatabase read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String db = null;
        Path passwordFile = null;
        try {
            for (String line : Files.readAllLines(file)) {
                String setting = line.strip();
                int equals = setting.indexOf('=');
                if (setting.startsWith("#") || equals < 0) {
                    continue;
                }
                String name = setting.substring(0, equals).strip();
                String value = setting.substring(equals + 1).strip();
                if (name.equals("db")) {
                    db = value;
                } else if (name.equals("db.password-file")) {
                    passwordFile = Path.of(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + " (" + e.getMessage() + "); give --db, or "
                    + "check its permissions.", e);
        }
        return db == null || db.equals(SQLITE) ? null : new HubConfDatabase(db, passwordFile);
    }
}

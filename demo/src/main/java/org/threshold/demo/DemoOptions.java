package org.threshold.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.threshold.hub.DatabaseSettings;

/**
 * {@code demo [--data DIR] [--db JDBC_URL [--db-password-file FILE]] [--hub-port N] [--kiosk-port N]}; ports default
 * to free ones, the hub's database to SQLite in {@code DIR/hub}.
 */
record DemoOptions(Path dataDir, int hubPort, int kioskPort, DatabaseSettings database) {
    static final String USAGE = "usage: demo [--data DIR] [--db JDBC_URL [--db-password-file FILE]] [--hub-port N] "
            + "[--kiosk-port N]";

    static DemoOptions parse(String... args) throws IOException {
        Path data = null;
        int hubPort = 0;
        int kioskPort = 0;
        String db = null;
        Path dbPassword = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(required(args[i], value));
                case "--hub-port" -> hubPort = port(args[i], value);
                case "--kiosk-port" -> kioskPort = port(args[i], value);
                case "--db" -> db = required(args[i], value);
                case "--db-password-file" -> dbPassword = Path.of(required(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        if (data == null) {
            data = Files.createTempDirectory("threshold-demo-");
        }
        DatabaseSettings database;
        try {
            database = DatabaseSettings.of(db, dbPassword);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE);
        }
        return new DemoOptions(data.toAbsolutePath(), hubPort, kioskPort, database);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(required(option, value));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a port number from 0 to 65535\n" + USAGE);
        }
    }
}

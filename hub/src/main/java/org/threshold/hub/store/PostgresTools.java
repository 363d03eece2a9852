package org.threshold.hub.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.threshold.hub.app.StoreException;

/**
 * PostgreSQL's own client tools for a backup: {@code pg_dump} in a snapshot the hub's store exported, and
 * {@code pg_restore} into an empty database (Debian's postgresql-client, of the server's major version or newer). The
 * JDBC URL becomes a libpq one; its password goes through the environment, never the command line.
 */
final class PostgresTools {
    /** A generous bound: a stuck tool is stopped rather than waited on for ever. */
    private static final long TIMEOUT_HOURS = 6;
    private static final Set<String> LIBPQ_PARAMETERS = Set.of("user", "sslmode", "sslcert", "sslkey", "sslrootcert",
            "connect_timeout", "application_name", "options");

    private PostgresTools() {
    }

    static void dump(String jdbcUrl, char[] password, String snapshot, Path file) {
        try {
            OwnerOnlyFiles.createEmptyFile(file);
        } catch (java.sql.SQLException e) {
            throw new StoreException("Could not create the backup copy " + file + " (" + e.getMessage() + ").", e);
        }
        run(password(jdbcUrl, password), "pg_dump", "--format=custom", "--no-password", "--snapshot=" + snapshot,
                "--file=" + file.toAbsolutePath(), libpqUrl(jdbcUrl));
    }

    static void restore(String jdbcUrl, char[] password, Path file) {
        run(password(jdbcUrl, password), "pg_restore", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                "--no-password", "--dbname=" + libpqUrl(jdbcUrl), file.toAbsolutePath().toString());
    }

    /** Restore fills an empty database only: one with tables is refused before anything is written. */
    static void requireNoTables(String jdbcUrl, char[] password) {
        Properties credentials = new Properties();
        if (password != null) {
            credentials.setProperty("password", new String(password));
        }
        long tables;
        try {
            tables = Jdbi.create(jdbcUrl, credentials).withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM "
                    + "information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")
                    .mapTo(Long.class).one());
        } catch (JdbiException e) {
            throw new StoreException("Could not open the PostgreSQL database " + JdbiHubStore.redacted(jdbcUrl) + " ("
                    + JdbiHubStore.describe(e) + "). Check that it exists (createdb) and the URL and password.", e);
        }
        if (tables > 0) {
            throw new StoreException("The database " + JdbiHubStore.redacted(jdbcUrl) + " already holds " + tables
                    + " table(s); nothing was restored. Restore fills an empty database only: drop it and create it "
                    + "again (dropdb, createdb -O USER), or give another one.", null);
        }
    }

    /** {@code jdbc:postgresql://host:port/db?user=u&...} as libpq reads it, without JDBC-only parameters. */
    static String libpqUrl(String jdbcUrl) {
        String url = jdbcUrl.substring("jdbc:".length());
        if (!url.startsWith("postgresql://")) {
            url = "postgresql:///" + url.substring("postgresql:".length());
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (LIBPQ_PARAMETERS.contains(name)) {
                kept.add(parameter);
            }
        }
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** The password file's, else one in the URL's query (which libpq is not given, being on its command line). */
    static char[] password(String jdbcUrl, char[] fromFile) {
        if (fromFile != null || !jdbcUrl.contains("?")) {
            return fromFile;
        }
        for (String parameter : jdbcUrl.substring(jdbcUrl.indexOf('?') + 1).split("&")) {
            if (parameter.startsWith("password=")) {
                return java.net.URLDecoder.decode(parameter.substring("password=".length()),
                        StandardCharsets.UTF_8).toCharArray();
            }
        }
        return null;
    }

    private static void run(char[] password, String... command) {
        String tool = command[0];
        Path errors = null;
        try {
            errors = Files.createTempFile("threshold-" + tool, ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            if (password != null) {
                builder.environment().put("PGPASSWORD", new String(password));
            }
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_HOURS, TimeUnit.HOURS)) {
                process.destroyForcibly();
                throw new StoreException(tool + " did not finish in " + TIMEOUT_HOURS + " hours; it was stopped.", null);
            }
            if (process.exitValue() != 0) {
                throw new StoreException(failure(tool, Files.readString(errors, StandardCharsets.UTF_8).strip()), null);
            }
        } catch (IOException e) {
            throw new StoreException(tool + " could not be run (" + e.getMessage() + "). Install PostgreSQL's client "
                    + "tools, of the server's major version or newer: sudo apt install postgresql-client.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(tool + " was interrupted.", e);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // A temporary file with the tool's messages only.
                }
            }
        }
    }

    private static String failure(String tool, String errors) {
        if (errors.contains("version mismatch")) {
            return tool + " is older than the PostgreSQL server (" + errors + "). Install the client tools of the "
                    + "server's major version: sudo apt install postgresql-client-NN (NN as the server's).";
        }
        return tool + " failed: " + errors;
    }
}

package org.threshold.hub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.StoreContents;
import org.threshold.hub.app.StoreException;

/**
 * {@link HubStore} on jdbi, over SQLite (the default: {@value #SQLITE_FILE} in the hub's data folder) or PostgreSQL
 * (a JDBC URL, through a HikariCP pool, shared by any number of hub instances). Migrated with Flyway when opened.
 * Failures never quote bound values or a driver's message, which may hold personal data. Thread-safe.
 */
public final class JdbiHubStore implements HubStore {
    /** The hub's database inside its data folder when no other is given. */
    public static final String SQLITE_FILE = "hub.db";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbiHubStore.class);
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final int POSTGRESQL_POOL = 10;

    private final Dialect dialect;
    private final Jdbi writer;
    private final Jdbi reader;
    private final AutoCloseable connections;
    private final StoreInfo info;
    private final String postgresUrl;
    private final char[] postgresPassword;

    private JdbiHubStore(Dialect dialect, Jdbi writer, Jdbi reader, AutoCloseable connections, StoreInfo info) {
        this(dialect, writer, reader, connections, info, null, null);
    }

    private JdbiHubStore(Dialect dialect, Jdbi writer, Jdbi reader, AutoCloseable connections, StoreInfo info,
                         String postgresUrl, char[] postgresPassword) {
        this.postgresUrl = postgresUrl;
        this.postgresPassword = postgresPassword == null ? null : postgresPassword.clone();
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.connections = connections;
        this.info = info;
    }

    /** The default store: SQLite in {@code dataDir}, created owner-only if missing. */
    public static JdbiHubStore openIn(Path dataDir) {
        return open(sqliteUrl(dataDir), null);
    }

    /** {@code jdbc:sqlite:} and the absolute path of {@value #SQLITE_FILE} in {@code dataDir}. */
    public static String sqliteUrl(Path dataDir) {
        return SQLITE_PREFIX + dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    }

    /**
     * Opens and migrates the store at {@code jdbcUrl}.
     *
     * @param password for PostgreSQL, or null when the URL or the server needs none
     * @throws StoreException with what to do: a URL that is neither SQLite nor PostgreSQL, a server that cannot be
     *                        reached or refuses the credentials, a database at a newer schema version
     */
    public static JdbiHubStore open(String jdbcUrl, char[] password) {
        if (jdbcUrl.startsWith(SQLITE_PREFIX)) {
            return openSqlite(jdbcUrl);
        }
        if (jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            return openPostgres(jdbcUrl, password);
        }
        throw new StoreException("The database URL " + redacted(jdbcUrl) + " is neither SQLite nor PostgreSQL. Give "
                + "--db 'jdbc:postgresql://HOST:5432/DATABASE?user=USER' (and --db-password-file FILE), or leave "
                + "--db out for SQLite in the data folder.", null);
    }

    private static JdbiHubStore openSqlite(String url) {
        Path file = Path.of(url.substring(SQLITE_PREFIX.length()));
        try {
            OwnerOnlyFiles.createFileIfMissing(file);
            SQLiteDataSource migrating = new SQLiteDataSource(SqliteConnections.writerConfig());
            migrating.setUrl(url);
            String version = Migrations.migrate(migrating, Dialect.SQLITE);
            SqliteConnections connections = SqliteConnections.open(url);
            return new JdbiHubStore(Dialect.SQLITE, jdbi(connections.writer()), jdbi(connections.readers()), connections,
                    new StoreInfo(Dialect.SQLITE.id(), version, file.toString()));
        } catch (SQLException e) {
            throw new StoreException("Could not open the hub database " + file + " (" + describe(e) + "). Check that "
                    + "the data folder is writable by the hub's user and the disk is not full.", e);
        }
    }

    private static JdbiHubStore openPostgres(String url, char[] password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (password != null) {
            config.setPassword(new String(password));
        }
        config.setPoolName("threshold-hub");
        config.setMaximumPoolSize(POSTGRESQL_POOL);
        config.setConnectionTimeout(10_000);
        // Sends a batch of inserts as a few multi-row statements: the events of a kiosk's batch in one round trip.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "threshold-hub");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            throw new StoreException(unreachable(url, e), e);
        }
        try {
            String version = Migrations.migrate(dataSource, Dialect.POSTGRESQL);
            Jdbi jdbi = jdbi(dataSource);
            return new JdbiHubStore(Dialect.POSTGRESQL, jdbi, jdbi, dataSource,
                    new StoreInfo(Dialect.POSTGRESQL.id(), version, redacted(url)), url, password);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static Jdbi jdbi(Object source) {
        Jdbi jdbi = source instanceof javax.sql.DataSource dataSource ? Jdbi.create(dataSource)
                : Jdbi.create((org.jdbi.v3.core.ConnectionFactory) source);
        jdbi.installPlugin(new SqlObjectPlugin());
        // jdbi would otherwise write the statement's bound values into its exception messages: personal data.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        JdbiTypes.register(jdbi);
        return jdbi;
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
        try {
            return writer.inTransaction(handle -> work.apply(new JdbiRepositories(handle, dialect)));
        } catch (JdbiException e) {
            throw failed(e);
        }
    }

    @Override
    public <T> T read(Function<Repositories, T> work) {
        try {
            return reader.withHandle(handle -> work.apply(new JdbiRepositories(handle, dialect)));
        } catch (JdbiException e) {
            throw failed(e);
        }
    }

    @Override
    public java.util.Map<String, Long> rowCounts() {
        try {
            return reader.withHandle(JdbiHubStore::rowCounts);
        } catch (JdbiException e) {
            throw failed(e);
        }
    }

    private static java.util.Map<String, Long> rowCounts(Handle handle) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TableCopy.TABLES) {
            counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
        }
        return counts;
    }

    @Override
    public StoreContents contents() {
        try {
            return reader.inTransaction(this::contents);
        } catch (JdbiException e) {
            throw failed(e);
        }
    }

    /** Rows and heads as {@code handle}'s transaction sees them. */
    private StoreContents contents(Handle handle) {
        return new StoreContents(info.dialect(), info.schemaVersion(), rowCounts(handle),
                new JdbiRepositories(handle, dialect).events().heads());
    }

    @Override
    public StoreContents dumpTo(Path file) {
        try {
            if (dialect == Dialect.SQLITE) {
                OwnerOnlyFiles.createEmptyFile(file);
                // VACUUM INTO reads one snapshot while writers go on, and cannot run inside a transaction: the
                // contents are read back from the copy, which is that snapshot.
                reader.useHandle(handle -> handle.createUpdate("VACUUM INTO :file")
                        .bind("file", file.toAbsolutePath().toString()).execute());
                try (JdbiHubStore copy = openSqlite(SQLITE_PREFIX + file.toAbsolutePath())) {
                    return copy.contents();
                }
            }
            // pg_dump joins this transaction's snapshot, so the contents read here are exactly what it dumps.
            return writer.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, transaction -> {
                String snapshot = transaction.createQuery("SELECT pg_export_snapshot()").mapTo(String.class).one();
                StoreContents contents = contents(transaction);
                PostgresTools.dump(postgresUrl, postgresPassword, snapshot, file);
                return contents;
            });
        } catch (JdbiException e) {
            throw failed(e);
        } catch (java.sql.SQLException e) {
            throw new StoreException("Could not write the backup copy " + file + " (" + describe(e) + "). Check that "
                    + "its folder is writable and the disk is not full.", e);
        }
    }

    /**
     * Fills the empty database at {@code jdbcUrl} from {@code dumpFile}, made by {@link #dumpTo} on a store of
     * {@code dumpDialect}; a SQLite copy may go into PostgreSQL too (row by row, as {@code StoreMove} does). The
     * restored store is migrated when next opened, so a backup from an older release restores into a newer one.
     *
     * @throws StoreException if the target holds anything (nothing is touched then) or the restore fails
     */
    public static void restore(String jdbcUrl, char[] password, String dumpDialect, Path dumpFile) {
        boolean intoSqlite = jdbcUrl.startsWith(SQLITE_PREFIX);
        if (intoSqlite && dumpDialect.equals(Dialect.SQLITE.id())) {
            OwnerOnlyFiles.fillEmpty(Path.of(jdbcUrl.substring(SQLITE_PREFIX.length())), dumpFile);
            return;
        }
        if (intoSqlite || !jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            throw new StoreException("This backup is of a " + dumpDialect + " hub: restore it into an empty "
                    + "PostgreSQL database, with --db 'jdbc:postgresql://HOST:5432/DATABASE?user=USER'.", null);
        }
        PostgresTools.requireNoTables(jdbcUrl, password);
        if (dumpDialect.equals(Dialect.POSTGRESQL.id())) {
            PostgresTools.restore(jdbcUrl, password, dumpFile);
            return;
        }
        try (JdbiHubStore copy = openSqlite(SQLITE_PREFIX + dumpFile.toAbsolutePath());
             JdbiHubStore target = open(jdbcUrl, password)) {
            org.threshold.hub.app.StoreMove.move(copy, target);
        }
    }

    @Override
    public void copyInto(HubStore target) {
        if (!(target instanceof JdbiHubStore into)) {
            throw new IllegalArgumentException("A hub store copies only into another of its kind");
        }
        try {
            reader.useHandle(from -> into.writer.useTransaction(to -> TableCopy.copy(from, to, into.dialect)));
        } catch (JdbiException e) {
            throw failed(e);
        }
    }

    @Override
    public boolean answers() {
        try {
            return reader.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (JdbiException | IllegalStateException e) {
            // A closed pool says so with IllegalStateException; either way the store does not answer.
            return false;
        }
    }

    @Override
    public void purgeDeleted() {
        try {
            writer.useHandle(handle -> handle.execute(dialect == Dialect.SQLITE ? "PRAGMA wal_checkpoint(TRUNCATE)"
                    : "VACUUM households, household_terms, events, referral_events, glass_breaks"));
        } catch (JdbiException e) {
            LOG.warn("Could not purge deleted rows now ({}); the database does it in time", e.getClass().getSimpleName());
        }
    }

    @Override
    public StoreInfo info() {
        return info;
    }

    @Override
    public void close() {
        try {
            connections.close();
        } catch (Exception e) {
            // Closing at shutdown: nothing left to do about it.
        }
    }

    /** A failure of the store as the hub reports it: the database's error class, never its message. */
    static StoreException failed(Exception e) {
        return new StoreException("The hub database failed (" + describe(e) + "); nothing of this request was kept.",
                e);
    }

    /** The database's error class only: drivers' messages may quote the values that clashed. */
    static String describe(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                return sqlite.getResultCode().name();
            }
            if (cause instanceof SQLException sql) {
                return "SQLState " + sql.getSQLState();
            }
        }
        return thrown.getClass().getSimpleName();
    }

    private static String unreachable(String url, Exception e) {
        String state = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
                break;
            }
        }
        String where = redacted(url);
        if (state == null) {
            return "Could not open the PostgreSQL database " + where + " (" + describe(e) + "). Check the URL: "
                    + "jdbc:postgresql://HOST:5432/DATABASE?user=USER.";
        }
        if (state.startsWith("08")) {
            return "Could not reach PostgreSQL at " + where + " (SQLState " + state + "). Check that the server is "
                    + "running and that the URL's host and port point at it.";
        }
        if (state.startsWith("28")) {
            return "PostgreSQL at " + where + " refused the credentials (SQLState " + state + "). Check the user in "
                    + "the URL and the password in the file given with --db-password-file.";
        }
        if (state.equals("3D000")) {
            return "The database named in " + where + " does not exist. Create it first (createdb, or CREATE "
                    + "DATABASE), owned by the hub's user.";
        }
        return "Could not open the PostgreSQL database " + where + " (SQLState " + state + ").";
    }

    /** The URL without its query (which may hold a password) or user info. */
    static String redacted(String url) {
        String withoutQuery = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return withoutQuery.replaceAll("//[^/@]*@", "//");
    }
}

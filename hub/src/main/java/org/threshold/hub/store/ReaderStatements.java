package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept for the life of a SQLite reader connection, by their SQL: sqlite-jdbc has no statement
 * cache, and parsing and planning a queue page's join on every request cost about a twentieth of the page. A kept
 * statement holds no row and no value between uses: closing its result set resets it (so it holds no read snapshot
 * either) and its parameters are cleared when it is given back. Any other connection (the writer, PostgreSQL's, whose
 * driver keeps its own per connection) prepares and closes each statement as usual. Thread-safe; a reader connection
 * is used by one thread at a time.
 */
final class ReaderStatements {
    // A few shapes per hot read (a queue page: number of services, status or not, cursor or not).
    private static final int KEPT = 32;
    private static final Map<Connection, ReaderStatements> KEEPING = new ConcurrentHashMap<>();

    private final Map<String, PreparedStatement> kept = new LinkedHashMap<>();

    /** What runs on a statement: binds, executes, reads, and closes its result set before returning. */
    interface Work<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private ReaderStatements() {
    }

    /** From now until {@link #closeFor}, {@link #run} keeps the statements it prepares on {@code connection}. */
    static void keepFor(Connection connection) {
        KEEPING.put(connection, new ReaderStatements());
    }

    /** Closes the statements kept for {@code connection}, before the connection itself closes. */
    static void closeFor(Connection connection) {
        ReaderStatements statements = KEEPING.remove(connection);
        if (statements != null) {
            statements.closeAll();
        }
    }

    /** Runs {@code work} on {@code sql} prepared on {@code connection}, or on the statement kept for it. */
    static <T> T run(Connection connection, String sql, Work<T> work) throws SQLException {
        ReaderStatements statements = KEEPING.get(connection);
        if (statements == null) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.on(statement);
            }
        }
        return statements.runKept(connection, sql, work);
    }

    private synchronized <T> T runKept(Connection connection, String sql, Work<T> work) throws SQLException {
        // Out of the map while in use, and back in as the newest: the eldest is the least recently used.
        PreparedStatement statement = kept.remove(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
        }
        boolean done = false;
        try {
            T result = work.on(statement);
            statement.clearParameters();
            done = true;
            return result;
        } finally {
            if (done) {
                keep(sql, statement);
            } else {
                // A statement that failed half-way is not used again.
                statement.close();
            }
        }
    }

    private void keep(String sql, PreparedStatement statement) throws SQLException {
        kept.put(sql, statement);
        if (kept.size() > KEPT) {
            var eldest = kept.entrySet().iterator();
            PreparedStatement dropped = eldest.next().getValue();
            eldest.remove();
            dropped.close();
        }
    }

    private synchronized void closeAll() {
        for (PreparedStatement statement : kept.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // Closing with its connection: nothing left to do about it.
            }
        }
        kept.clear();
    }
}

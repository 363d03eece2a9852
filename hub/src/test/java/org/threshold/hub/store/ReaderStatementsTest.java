package org.threshold.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite reader connection keeps the statements it prepares, and a kept statement holds no read snapshot between
 * uses: a later read sees a later commit, and a checkpoint is not held back.
 */
class ReaderStatementsTest {
    private static final String COUNT = "SELECT COUNT(*), MAX(x) FROM numbers WHERE x > ?";

    @TempDir
    Path dir;
    private SqliteConnections connections;
    private Connection writer;
    private Connection reader;

    @BeforeEach
    void open() throws SQLException {
        connections = SqliteConnections.open(JdbiHubStore.sqliteUrl(dir));
        writer = connections.writer().openConnection();
        try (Statement create = writer.createStatement()) {
            create.execute("CREATE TABLE numbers (x INTEGER NOT NULL)");
            create.execute("INSERT INTO numbers (x) VALUES (1)");
        }
        reader = connections.readers().openConnection();
    }

    @AfterEach
    void close() throws SQLException {
        connections.readers().closeConnection(reader);
        connections.writer().closeConnection(writer);
        connections.close();
    }

    @Test
    void aReaderUsesTheSameStatementAgainAndSeesWhatWasCommittedSince() throws SQLException {
        List<PreparedStatement> used = new ArrayList<>();

        long before = count(reader, used);
        try (Statement insert = writer.createStatement()) {
            insert.execute("INSERT INTO numbers (x) VALUES (2)");
        }
        long after = count(reader, used);

        assertThat(before).isEqualTo(1);
        assertThat(after).isEqualTo(2);
        assertThat(used.get(1)).isSameAs(used.get(0));
        assertThat(checkpointBusy()).isZero();
    }

    @Test
    void aStatementThatFailedIsClosedAndAnotherPreparedNextTime() throws SQLException {
        List<PreparedStatement> used = new ArrayList<>();

        assertThatThrownBy(() -> ReaderStatements.run(reader, COUNT, select -> {
            used.add(select);
            throw new SQLException("failed half-way");
        })).isInstanceOf(SQLException.class);
        count(reader, used);

        assertThat(used.get(0).isClosed()).isTrue();
        assertThat(used.get(1)).isNotSameAs(used.get(0));
    }

    @Test
    void keptStatementsCloseWithTheirConnectionAndOtherConnectionsKeepNone() throws SQLException {
        List<PreparedStatement> used = new ArrayList<>();
        count(reader, used);
        count(writer, used);
        count(writer, used);

        ReaderStatements.closeFor(reader);

        assertThat(used.get(0).isClosed()).isTrue();
        assertThat(used.get(1).isClosed()).isTrue();
        assertThat(used.get(2)).isNotSameAs(used.get(1));
    }

    private static long count(Connection connection, List<PreparedStatement> used) throws SQLException {
        return ReaderStatements.run(connection, COUNT, select -> {
            used.add(select);
            select.setInt(1, 0);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Whether a full checkpoint was held back by a reader's open snapshot (1) or not (0). */
    private int checkpointBusy() throws SQLException {
        try (Statement checkpoint = writer.createStatement();
             ResultSet result = checkpoint.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            result.next();
            return result.getInt(1);
        }
    }
}

package org.threshold.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers map the database file (fewer copies per page read); the writer, which commits, does not. */
class SqliteConnectionsTest {
    @Test
    void readersMapTheFileAndTheWriterDoesNot(@TempDir Path dir) throws SQLException {
        try (SqliteConnections connections = SqliteConnections.open(JdbiHubStore.sqliteUrl(dir))) {
            Connection reader = connections.readers().openConnection();
            Connection writer = connections.writer().openConnection();
            try {
                assertThat(mmapSize(reader)).isPositive();
                assertThat(mmapSize(writer)).isZero();
            } finally {
                connections.writer().closeConnection(writer);
                connections.readers().closeConnection(reader);
            }
        }
    }

    private static long mmapSize(Connection connection) throws SQLException {
        try (Statement pragma = connection.createStatement(); ResultSet row = pragma.executeQuery("PRAGMA mmap_size")) {
            row.next();
            return row.getLong(1);
        }
    }
}

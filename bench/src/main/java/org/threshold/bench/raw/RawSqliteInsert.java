package org.threshold.bench.raw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.threshold.bench.Percentiles;

/**
 * The SQLite floor for hub ingest: event rows inserted with plain batched JDBC into a fresh file with the hub's
 * {@code events} table (its unique indexes included), one transaction per kiosk batch, WAL and
 * {@code synchronous=FULL} as the hub runs. No verification, no chain heads, nothing of Threshold's.
 */
public final class RawSqliteInsert {
    /** Runs per median. */
    public static final int RUNS = 5;
    /** Rows per transaction: a kiosk's full batch (SyncClient's default, the hub's maximum). */
    public static final int BATCH = 2_000;
    static final String EVENTS_TABLE = "CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, "
            + "event_id TEXT NOT NULL UNIQUE, kiosk_id TEXT NOT NULL, sequence INTEGER NOT NULL, hash BLOB NOT NULL, "
            + "envelope BLOB NOT NULL, received_at INTEGER NOT NULL, UNIQUE (kiosk_id, sequence))";

    private RawSqliteInsert() {
    }

    /** Median rows per second over {@value #RUNS} runs, each inserting {@code rows} new rows into a new file. */
    public static double medianRowsPerSecond(int rows) {
        return medianRowsPerSecond(EventRow.sample(rows, BATCH), RUNS);
    }

    /** As {@link #medianRowsPerSecond(int)}, for given rows (e.g. the very events a hub benchmark sends). */
    public static double medianRowsPerSecond(List<EventRow> rows, int runs) {
        try {
            Path dir = Files.createTempDirectory("threshold-raw-sqlite-");
            long[] nanos = new long[runs];
            for (int run = 0; run < runs; run++) {
                Path file = dir.resolve("run-" + run + ".db");
                nanos[run] = insertNanos(rows, file);
                for (String suffix : List.of("", "-wal", "-shm")) {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                }
            }
            Files.deleteIfExists(dir);
            return rows.size() / (new Percentiles(nanos).medianMillis() / 1e3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("raw SQLite insert failed: " + e.getMessage(), e);
        }
    }

    /** One run: the nanoseconds to insert {@code rows} into {@code file} (which must not exist). */
    public static long insertNanos(List<EventRow> rows, Path file) throws SQLException {
        try (Connection connection = RawSqlite.create(file, EVENTS_TABLE);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO events "
                     + "(event_id, kiosk_id, sequence, hash, envelope, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            long start = System.nanoTime();
            for (int from = 0; from < rows.size(); from += BATCH) {
                for (EventRow row : rows.subList(from, Math.min(from + BATCH, rows.size()))) {
                    insert.setString(1, row.eventId());
                    insert.setString(2, row.kioskId());
                    insert.setLong(3, row.sequence());
                    insert.setBytes(4, row.hash());
                    insert.setBytes(5, row.envelope());
                    insert.setLong(6, row.receivedAt());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
            return System.nanoTime() - start;
        }
    }
}

package org.threshold.bench.raw;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.threshold.bench.Percentiles;

/**
 * The PostgreSQL floor for hub ingest: event rows loaded with {@code COPY ... FROM STDIN (FORMAT binary)}, the
 * fastest way rows enter PostgreSQL, into the hub's {@code events} columns (its unique indexes included), one
 * COPY and one commit per kiosk batch, on a zonky embedded PostgreSQL with durable commits
 * ({@code synchronous_commit=on}, {@code fsync=on}; zonky's default turns synchronous commits off). The table is
 * the best a hub schema can do for these rows: envelopes stored uncompressed, ids in the "C" collation.
 */
public final class RawPostgresCopy {
    static final String EVENTS_TABLE = "CREATE TABLE events (position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + "event_id TEXT COLLATE \"C\" NOT NULL UNIQUE, kiosk_id TEXT COLLATE \"C\" NOT NULL, "
            + "sequence BIGINT NOT NULL, hash BYTEA NOT NULL, "
            + "envelope BYTEA NOT NULL, received_at BIGINT NOT NULL, UNIQUE (kiosk_id, sequence))";
    /**
     * Envelopes are ciphertext: PostgreSQL's default storage tries to compress every value over about 2 KB before
     * moving it out of line, and on this machine that attempt cut COPY to a quarter (about 6,000 rows/s against
     * 25,000, 20,000 rows). The ids are ASCII, so the "C" collation orders them as well as any, and faster.
     */
    static final String ENVELOPE_UNCOMPRESSED = "ALTER TABLE events ALTER COLUMN envelope SET STORAGE EXTERNAL";
    private static final String COPY = "COPY events (event_id, kiosk_id, sequence, hash, envelope, received_at) "
            + "FROM STDIN (FORMAT binary)";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final short COLUMNS = 6;

    private RawPostgresCopy() {
    }

    /**
     * Median rows per second over {@link RawSqliteInsert#RUNS} runs, each copying {@code rows} new rows into a new
     * table, on an embedded PostgreSQL started for the purpose (its start is not timed).
     */
    public static double medianRowsPerSecond(int rows) {
        return medianRowsPerSecond(EventRow.sample(rows, RawSqliteInsert.BATCH), RawSqliteInsert.RUNS);
    }

    /** As {@link #medianRowsPerSecond(int)}, for given rows. */
    public static double medianRowsPerSecond(List<EventRow> rows, int runs) {
        try (EmbeddedPostgres postgres = start();
             Connection connection = postgres.getPostgresDatabase().getConnection()) {
            return medianRowsPerSecond(connection, rows, runs);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("raw PostgreSQL COPY failed: " + e.getMessage(), e);
        }
    }

    /** On a PostgreSQL of the caller's (e.g. the one a hub benchmark runs on): replaces its {@code events} table. */
    public static double medianRowsPerSecond(Connection connection, List<EventRow> rows, int runs) throws SQLException {
        long[] nanos = new long[runs];
        for (int run = 0; run < runs; run++) {
            nanos[run] = copyNanos(connection, rows);
        }
        return rows.size() / (new Percentiles(nanos).medianMillis() / 1e3);
    }

    /** An embedded PostgreSQL on loopback with durable commits. */
    public static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start();
    }

    /** One run: a fresh {@code events} table, then the nanoseconds to COPY {@code rows} into it, batch by batch. */
    public static long copyNanos(Connection connection, List<EventRow> rows) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS events");
            statement.execute(EVENTS_TABLE);
            statement.execute(ENVELOPE_UNCOMPRESSED);
        }
        connection.setAutoCommit(false);
        PGConnection pg = connection.unwrap(PGConnection.class);
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += RawSqliteInsert.BATCH) {
            byte[] batch = binaryCopy(rows.subList(from, Math.min(from + RawSqliteInsert.BATCH, rows.size())));
            CopyIn copy = pg.getCopyAPI().copyIn(COPY);
            copy.writeToCopy(batch, 0, batch.length);
            copy.endCopy();
            connection.commit();
        }
        long nanos = System.nanoTime() - start;
        connection.setAutoCommit(true);
        return nanos;
    }

    /** PostgreSQL's binary COPY format: signature, flags, header extension, tuples, trailer. */
    static byte[] binaryCopy(List<EventRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * (rows.get(0).envelope().length + 160));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
            for (EventRow row : rows) {
                out.writeShort(COLUMNS);
                field(out, row.eventId().getBytes(StandardCharsets.UTF_8));
                field(out, row.kioskId().getBytes(StandardCharsets.UTF_8));
                out.writeInt(Long.BYTES);
                out.writeLong(row.sequence());
                field(out, row.hash());
                field(out, row.envelope());
                out.writeInt(Long.BYTES);
                out.writeLong(row.receivedAt());
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}

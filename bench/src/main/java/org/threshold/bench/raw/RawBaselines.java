package org.threshold.bench.raw;

import java.util.List;

/**
 * {@code RawBaselines [ROWS] [RUNS]}: the raw primitives hub ingest is compared against, on the same event rows,
 * each the median of RUNS runs (default 20,000 rows, 5 runs): a batched JDBC insert into SQLite and a binary COPY
 * into PostgreSQL, one transaction per 2,000-row kiosk batch, both durable.
 */
public final class RawBaselines {
    private RawBaselines() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : RawSqliteInsert.RUNS;
        List<EventRow> sample = EventRow.sample(rows, RawSqliteInsert.BATCH);
        System.out.printf("%,d event rows (envelope %,d bytes), %d runs each, median:%n", rows,
                sample.get(0).envelope().length, runs);
        System.out.printf("  SQLite batched insert (WAL, synchronous=FULL): %,.0f rows/s%n",
                RawSqliteInsert.medianRowsPerSecond(sample, runs));
        System.out.printf("  PostgreSQL binary COPY (synchronous_commit=on): %,.0f rows/s%n",
                RawPostgresCopy.medianRowsPerSecond(sample, runs));
    }
}

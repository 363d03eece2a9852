package org.threshold.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Suppression against an independent judge ({@link ExactCheck}). Tables are drawn with many small counts and zeros,
 * alone or linked through their margins, with the redundant sums a hand-built publication may well add (the grand
 * total tied to three lists of totals): systems with counts in three sums, which take the dense path. The shapes the
 * hub publishes, which take the graph path, are drawn in {@link SuppressionNetworkProperties}.
 */
class SuppressionProperties {

    @Property(tries = 400)
    void noPublishedCountIsSmallAndNoSmallCountCanBeWorkedOut(@ForAll long seed,
                                                            @ForAll @IntRange(min = 3, max = 7) int threshold,
                                                            @ForAll @IntRange(min = 1, max = 5) int rows,
                                                            @ForAll @IntRange(min = 1, max = 5) int columns,
                                                            @ForAll boolean linked) {
        Random random = new Random(seed);
        Publication publication = new Publication();
        long[][] bySite = counts(random, rows, columns);
        grid(publication, "pyramid", bySite);
        if (linked) {
            // Days x sites whose site totals are the pyramid's: the two tables share those keys.
            long[][] byDay = new long[1 + random.nextInt(4)][rows];
            for (int site = 0; site < rows; site++) {
                long left = 0;
                for (long count : bySite[site]) {
                    left += count;
                }
                for (int day = 0; day < byDay.length; day++) {
                    long share = day == byDay.length - 1 ? left : (long) (left * random.nextDouble());
                    byDay[day][site] = share;
                    left -= share;
                }
            }
            linkedGrid(publication, byDay);
        }
        SmallCells rule = new SmallCells(threshold);

        Suppressed result = new Suppression(rule).apply(publication);

        ExactCheck.assertProtected(publication, result, rule);
    }

    private static long[][] counts(Random random, int rows, int columns) {
        long[][] counts = new long[rows][columns];
        for (long[] row : counts) {
            for (int c = 0; c < columns; c++) {
                int kind = random.nextInt(10);
                row[c] = kind < 3 ? 0 : kind < 7 ? 1 + random.nextInt(6) : 7 + random.nextInt(30);
            }
        }
        return counts;
    }

    /** Cells {@code name:r:c}, row totals {@code site:r}, column totals {@code name:T:c}, grand total {@code all}. */
    private static void grid(Publication publication, String name, long[][] counts) {
        long grand = 0;
        long[] columnTotals = new long[counts[0].length];
        for (int r = 0; r < counts.length; r++) {
            List<String> parts = new ArrayList<>();
            long total = 0;
            for (int c = 0; c < counts[r].length; c++) {
                publication.count(name + ":" + r + ":" + c, counts[r][c]);
                parts.add(name + ":" + r + ":" + c);
                total += counts[r][c];
                columnTotals[c] += counts[r][c];
            }
            publication.count("site:" + r, total).sum("site:" + r, parts);
            grand += total;
        }
        List<String> totals = new ArrayList<>();
        for (int c = 0; c < columnTotals.length; c++) {
            List<String> parts = new ArrayList<>();
            for (int r = 0; r < counts.length; r++) {
                parts.add(name + ":" + r + ":" + c);
            }
            publication.count(name + ":T:" + c, columnTotals[c]).sum(name + ":T:" + c, parts);
            totals.add(name + ":T:" + c);
        }
        List<String> sites = new ArrayList<>();
        for (int r = 0; r < counts.length; r++) {
            sites.add("site:" + r);
        }
        publication.count("all", grand).sum("all", totals).sum("all", sites);
    }

    /** Days x sites: cells {@code day:d:s}, day totals {@code day:d}; its site totals are the grid's {@code site:s}. */
    private static void linkedGrid(Publication publication, long[][] byDay) {
        List<String> days = new ArrayList<>();
        for (int d = 0; d < byDay.length; d++) {
            List<String> parts = new ArrayList<>();
            long total = 0;
            for (int s = 0; s < byDay[d].length; s++) {
                publication.count("day:" + d + ":" + s, byDay[d][s]);
                parts.add("day:" + d + ":" + s);
                total += byDay[d][s];
            }
            publication.count("day:" + d, total).sum("day:" + d, parts);
            days.add("day:" + d);
        }
        for (int s = 0; s < byDay[0].length; s++) {
            List<String> parts = new ArrayList<>();
            for (int d = 0; d < byDay.length; d++) {
                parts.add("day:" + d + ":" + s);
            }
            publication.sum("site:" + s, parts);
        }
        publication.sum("all", days);
    }
}

package org.threshold.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.threshold.core.report.Publication;
import org.threshold.core.report.SmallCells;
import org.threshold.core.report.Suppressed;
import org.threshold.core.report.Suppression;

/**
 * Suppression alone on the publication a year of 1,000,000 households makes, shaped as the hub's (households and
 * people by day at twelve sites with their margins, the people linked to the age-sex pyramid through the sites'
 * totals, needs by category and site), with the counts {@link ReportSeed} gives: nine gates of hundreds a day and
 * three posts of two or three households a day, whose days are the small cells. The floor, in the same run: building
 * that publication (every count and sum added and checked once), which any suppression must at least read.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class SuppressionBenchmark {
    private static final int DAYS = 365;
    private static final int SITES = 12;
    private static final int PYRAMID = 24;
    private static final int NEEDS = 14;
    private static final double HOUSEHOLDS_A_YEAR = 1_000_000;
    private static final double MEMBERS = 3.5;

    private final Suppression suppression = new Suppression(SmallCells.DEFAULT);
    private long[][] households;
    private long[][] people;
    private long[][] pyramid;
    private long[][] needs;
    private Publication publication;

    @Setup
    public void setUp() {
        Random random = new Random(12);
        double[] shares = new double[SITES];
        double zipf = 0;
        for (int site = 0; site < 9; site++) {
            zipf += 1.0 / (site + 1);
        }
        for (int site = 0; site < SITES; site++) {
            shares[site] = site < 9 ? 0.997 / zipf / (site + 1) : 0.001;
        }
        households = new long[DAYS][SITES];
        people = new long[DAYS][SITES];
        pyramid = new long[SITES][PYRAMID];
        needs = new long[NEEDS][SITES];
        for (int day = 0; day < DAYS; day++) {
            for (int site = 0; site < SITES; site++) {
                households[day][site] = poisson(random, HOUSEHOLDS_A_YEAR / DAYS * shares[site]);
                people[day][site] = households[day][site] + poisson(random, households[day][site] * (MEMBERS - 1));
                for (long person = 0; person < people[day][site]; person++) {
                    pyramid[site][random.nextInt(PYRAMID)]++;
                    if (random.nextInt(5) == 0) {
                        needs[random.nextInt(NEEDS)][site]++;
                    }
                }
            }
        }
        publication = publication();
    }

    /** Knuth's method below 30, a rounded normal above: enough for counts of a day. */
    private static long poisson(Random random, double mean) {
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    @Benchmark
    public Publication buildPublication() {
        return publication();
    }

    @Benchmark
    public Suppressed suppress() {
        return suppression.apply(publication);
    }

    private Publication publication() {
        Publication built = new Publication();
        grid(built, "hh", households, true);
        // As the hub does: the pyramid ties the grand total to the sites, so the people grid does not.
        grid(built, "p", people, false);
        List<String> categoryTotals = new ArrayList<>();
        for (int category = 0; category < PYRAMID; category++) {
            List<String> parts = new ArrayList<>();
            for (int site = 0; site < SITES; site++) {
                built.count("as|" + site + "|" + category, pyramid[site][category]);
                parts.add("as|" + site + "|" + category);
            }
            categoryTotals.add(total(built, "as|*|" + category, parts));
        }
        for (int site = 0; site < SITES; site++) {
            List<String> parts = new ArrayList<>();
            for (int category = 0; category < PYRAMID; category++) {
                parts.add("as|" + site + "|" + category);
            }
            built.sum("p|*|" + site, parts);
        }
        built.sum("p|*|*", categoryTotals);
        for (int need = 0; need < NEEDS; need++) {
            List<String> parts = new ArrayList<>();
            for (int site = 0; site < SITES; site++) {
                built.count("n|" + need + "|" + site, needs[need][site]);
                parts.add("n|" + need + "|" + site);
            }
            total(built, "n|" + need + "|*", parts);
        }
        return built;
    }

    private static void grid(Publication built, String measure, long[][] counts, boolean grandBySites) {
        List<String> dayTotals = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            List<String> parts = new ArrayList<>();
            for (int site = 0; site < SITES; site++) {
                built.count(measure + "|" + day + "|" + site, counts[day][site]);
                parts.add(measure + "|" + day + "|" + site);
            }
            dayTotals.add(total(built, measure + "|" + day + "|*", parts));
        }
        List<String> siteTotals = new ArrayList<>();
        for (int site = 0; site < SITES; site++) {
            List<String> parts = new ArrayList<>();
            for (int day = 0; day < DAYS; day++) {
                parts.add(measure + "|" + day + "|" + site);
            }
            siteTotals.add(total(built, measure + "|*|" + site, parts));
        }
        total(built, measure + "|*|*", dayTotals);
        if (grandBySites) {
            built.sum(measure + "|*|*", siteTotals);
        }
    }

    private static String total(Publication built, String total, List<String> parts) {
        built.count(total, parts.stream().mapToLong(built::value).sum()).sum(total, parts);
        return total;
    }
}

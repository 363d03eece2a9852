package org.threshold.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The graph path of suppression ({@link SumNetwork}) against the exact judge ({@link ExactCheck}), on small random
 * publications of the shapes the hub publishes: arrivals (days x sites with day, site and grand totals); people by
 * day and site linked to the age-sex pyramid through the sites' people and the grand total; needs by category with
 * each category's total; referrals per service by status with both margins and the overdue per service.
 */
class SuppressionNetworkProperties {

    @Property(tries = 300)
    void aSuppressedCountIsGivenBackExactlyWhenItIsABridge(@ForAll long seed,
                                                           @ForAll @IntRange(min = 1, max = 9) int tenthsHidden) {
        Random random = new Random(seed);
        Publication publication = hubShaped(random);
        List<String> keys = publication.keys();
        boolean[] hidden = new boolean[keys.size()];
        List<String> hiddenKeys = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            hidden[i] = random.nextInt(10) < tenthsHidden;
            if (hidden[i]) {
                hiddenKeys.add(keys.get(i));
            }
        }
        Set<String> bridges = new HashSet<>();
        for (SumNetwork network : networks(publication)) {
            network.givenBack(hidden).forEach(cell -> bridges.add(keys.get(cell)));
        }

        assertThat(bridges).isEqualTo(ExactCheck.givenBack(publication, hiddenKeys));
    }

    @Property(tries = 300)
    void noPublishedCountIsSmallAndNoSmallCountCanBeWorkedOut(@ForAll long seed,
                                                            @ForAll @IntRange(min = 3, max = 7) int threshold) {
        Random random = new Random(seed);
        Publication publication = hubShaped(random);
        SmallCells rule = new SmallCells(threshold);
        assertThat(networks(publication)).as("every system takes the graph path")
                .hasSize(SumComponents.of(publication.keys().size(), sums(publication)).size());

        Suppressed result = new Suppression(rule).apply(publication);

        ExactCheck.assertProtected(publication, result, rule);
    }

    /** Arrivals, and at random the linked people and pyramid, needs, and referrals; each 1 to 4 wide. */
    static Publication hubShaped(Random random) {
        Publication publication = new Publication();
        int days = 1 + random.nextInt(4);
        int sites = 1 + random.nextInt(4);
        grid(publication, "hh", counts(random, days, sites), true);
        if (random.nextBoolean()) {
            long[][] people = counts(random, days, sites);
            // The pyramid ties the grand total to the sites' totals, so the grid must not tie it again: that sum
            // would follow from the others and put the grand total in three sums.
            grid(publication, "p", people, false);
            pyramid(publication, random, people, 1 + random.nextInt(4));
        }
        if (random.nextBoolean()) {
            for (int category = 0; category < 1 + random.nextInt(3); category++) {
                List<String> parts = new ArrayList<>();
                long total = 0;
                for (int site = 0; site < sites; site++) {
                    long value = count(random);
                    publication.count("n:" + category + ":" + site, value);
                    parts.add("n:" + category + ":" + site);
                    total += value;
                }
                publication.count("n:" + category + ":*", total).sum("n:" + category + ":*", parts);
            }
        }
        if (random.nextBoolean()) {
            referrals(publication, random, 1 + random.nextInt(3), 2 + random.nextInt(3));
        }
        return publication;
    }

    /** Cells {@code name:d:s}, day totals {@code name:d:*}, site totals {@code name:*:s}, grand {@code name:*:*}. */
    static void grid(Publication publication, String name, long[][] counts, boolean grandBySites) {
        int sites = counts[0].length;
        List<String> dayTotals = new ArrayList<>();
        long grand = 0;
        for (int d = 0; d < counts.length; d++) {
            List<String> parts = new ArrayList<>();
            long total = 0;
            for (int s = 0; s < sites; s++) {
                publication.count(name + ":" + d + ":" + s, counts[d][s]);
                parts.add(name + ":" + d + ":" + s);
                total += counts[d][s];
            }
            publication.count(name + ":" + d + ":*", total).sum(name + ":" + d + ":*", parts);
            dayTotals.add(name + ":" + d + ":*");
            grand += total;
        }
        List<String> siteTotals = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            List<String> parts = new ArrayList<>();
            long total = 0;
            for (int d = 0; d < counts.length; d++) {
                parts.add(name + ":" + d + ":" + s);
                total += counts[d][s];
            }
            publication.count(name + ":*:" + s, total).sum(name + ":*:" + s, parts);
            siteTotals.add(name + ":*:" + s);
        }
        publication.count(name + ":*:*", grand).sum(name + ":*:*", dayTotals);
        if (grandBySites) {
            publication.sum(name + ":*:*", siteTotals);
        }
    }

    /** Sites x categories whose site totals are the people grid's {@code p:*:s} and whose grand total is its own. */
    static void pyramid(Publication publication, Random random, long[][] people, int categories) {
        long[] byCategory = new long[categories];
        for (int s = 0; s < people[0].length; s++) {
            long left = 0;
            for (long[] day : people) {
                left += day[s];
            }
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < categories; k++) {
                long share = k == categories - 1 ? left : (long) (left * random.nextDouble());
                left -= share;
                byCategory[k] += share;
                publication.count("as:" + s + ":" + k, share);
                parts.add("as:" + s + ":" + k);
            }
            publication.sum("p:*:" + s, parts);
        }
        List<String> categoryTotals = new ArrayList<>();
        for (int k = 0; k < categories; k++) {
            List<String> parts = new ArrayList<>();
            for (int s = 0; s < people[0].length; s++) {
                parts.add("as:" + s + ":" + k);
            }
            publication.count("as:*:" + k, byCategory[k]).sum("as:*:" + k, parts);
            categoryTotals.add("as:*:" + k);
        }
        publication.sum("p:*:*", categoryTotals);
    }

    /** Services x statuses with service, status and grand totals; overdue per service and in all. */
    private static void referrals(Publication publication, Random random, int services, int statuses) {
        long[][] counts = counts(random, services, statuses);
        List<String> serviceTotals = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        long grand = 0;
        long late = 0;
        for (int v = 0; v < services; v++) {
            List<String> parts = new ArrayList<>();
            long total = 0;
            for (int t = 0; t < statuses; t++) {
                publication.count("r:" + v + ":" + t, counts[v][t]);
                parts.add("r:" + v + ":" + t);
                total += counts[v][t];
            }
            publication.count("r:" + v + ":*", total).sum("r:" + v + ":*", parts);
            serviceTotals.add("r:" + v + ":*");
            grand += total;
            long due = count(random);
            publication.count("o:" + v, due);
            overdue.add("o:" + v);
            late += due;
        }
        for (int t = 0; t < statuses; t++) {
            List<String> parts = new ArrayList<>();
            long total = 0;
            for (int v = 0; v < services; v++) {
                parts.add("r:" + v + ":" + t);
                total += counts[v][t];
            }
            publication.count("r:*:" + t, total).sum("r:*:" + t, parts);
        }
        publication.count("r:*:*", grand).sum("r:*:*", serviceTotals);
        publication.count("o:*", late).sum("o:*", overdue);
    }

    private static long[][] counts(Random random, int rows, int columns) {
        long[][] counts = new long[rows][columns];
        for (long[] row : counts) {
            for (int c = 0; c < columns; c++) {
                row[c] = count(random);
            }
        }
        return counts;
    }

    /** Many zeros and small counts, some large ones. */
    private static long count(Random random) {
        int kind = random.nextInt(10);
        return kind < 3 ? 0 : kind < 7 ? 1 + random.nextInt(6) : 7 + random.nextInt(30);
    }

    private static List<int[]> sums(Publication publication) {
        List<String> keys = publication.keys();
        List<int[]> sums = new ArrayList<>();
        for (Publication.Sum sum : publication.sums()) {
            int[] members = new int[sum.parts().size() + 1];
            members[0] = keys.indexOf(sum.total());
            for (int p = 0; p < sum.parts().size(); p++) {
                members[p + 1] = keys.indexOf(sum.parts().get(p));
            }
            sums.add(members);
        }
        return sums;
    }

    private static List<SumNetwork> networks(Publication publication) {
        List<int[]> sums = sums(publication);
        List<SumNetwork> networks = new ArrayList<>();
        for (SumComponents.Component component : SumComponents.of(publication.keys().size(), sums)) {
            SumNetwork.of(component, sums, publication.keys().size()).ifPresent(networks::add);
        }
        return networks;
    }
}

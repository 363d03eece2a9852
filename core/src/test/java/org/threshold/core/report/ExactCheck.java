package org.threshold.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The judge of suppression in tests: exact integer elimination (neither the floating-point elimination nor the
 * graph under test) decides which suppressed counts the published counts and the sums determine.
 */
final class ExactCheck {

    private ExactCheck() {
    }

    /**
     * What suppression promises: every published count is the true one and not small, every zero is published, and
     * no suppressed small count can be worked out from the published counts and the sums.
     */
    static void assertProtected(Publication publication, Suppressed result, SmallCells rule) {
        Map<String, Long> all = publication.counts();
        result.published().forEach((key, value) -> {
            assertThat(rule.isSmall(value)).as(key).isFalse();
            assertThat(value).isEqualTo(all.get(key));
        });
        all.forEach((key, value) -> {
            if (value == 0) {
                assertThat(result.published()).as("zeros are published").containsKey(key);
            }
        });
        List<String> hidden = all.keySet().stream().filter(key -> !result.published().containsKey(key)).toList();
        for (String key : givenBack(publication, hidden)) {
            assertThat(rule.isSmall(all.get(key))).as(key + " can be worked out").isFalse();
        }
    }

    /**
     * The keys of {@code hidden} that the sums fix: those whose unit vector is in the row space of the system over
     * the hidden counts (+1 for a part, -1 for the total). After a full reduction that is exactly when the row
     * holding the count's pivot names no other hidden count.
     */
    static Set<String> givenBack(Publication publication, List<String> hidden) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < hidden.size(); i++) {
            column.put(hidden.get(i), i);
        }
        List<BigInteger[]> rows = new ArrayList<>();
        for (Publication.Sum sum : publication.sums()) {
            BigInteger[] row = zeros(hidden.size());
            add(row, column.get(sum.total()), BigInteger.ONE.negate());
            for (String part : sum.parts()) {
                add(row, column.get(part), BigInteger.ONE);
            }
            rows.add(row);
        }
        Set<String> given = new HashSet<>();
        int rank = 0;
        for (int c = 0; c < hidden.size() && rank < rows.size(); c++) {
            int pivot = -1;
            for (int r = rank; r < rows.size() && pivot < 0; r++) {
                pivot = rows.get(r)[c].signum() != 0 ? r : -1;
            }
            if (pivot < 0) {
                continue;
            }
            BigInteger[] p = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, p);
            for (int r = 0; r < rows.size(); r++) {
                BigInteger[] row = rows.get(r);
                if (r != rank && row[c].signum() != 0) {
                    BigInteger factor = row[c];
                    for (int k = 0; k < hidden.size(); k++) {
                        row[k] = row[k].multiply(p[c]).subtract(p[k].multiply(factor));
                    }
                    divideByGcd(row);
                }
            }
            rank++;
        }
        for (BigInteger[] row : rows.subList(0, rank)) {
            int nonZero = -1;
            int count = 0;
            for (int k = 0; k < row.length; k++) {
                if (row[k].signum() != 0) {
                    nonZero = k;
                    count++;
                }
            }
            if (count == 1) {
                given.add(hidden.get(nonZero));
            }
        }
        return given;
    }

    private static void add(BigInteger[] row, Integer at, BigInteger coefficient) {
        if (at != null) {
            row[at] = row[at].add(coefficient);
        }
    }

    /** Keeps the integers small: a row may be scaled freely. */
    private static void divideByGcd(BigInteger[] row) {
        BigInteger gcd = BigInteger.ZERO;
        for (BigInteger entry : row) {
            gcd = gcd.gcd(entry);
        }
        if (gcd.compareTo(BigInteger.ONE) > 0) {
            for (int k = 0; k < row.length; k++) {
                row[k] = row[k].divide(gcd);
            }
        }
    }

    private static BigInteger[] zeros(int size) {
        BigInteger[] row = new BigInteger[size];
        Arrays.fill(row, BigInteger.ZERO);
        return row;
    }
}

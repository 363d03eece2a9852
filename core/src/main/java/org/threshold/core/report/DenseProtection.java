package org.threshold.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Secondary suppression for any system of sums, by linear algebra: the general case, for systems that are not a
 * {@link SumNetwork} (a count in three sums or more). It costs a dense elimination per count it adds, so it suits
 * the small systems that take this path, not a year of days by sites.
 *
 * <ol>
 *   <li>A sum with exactly one suppressed member gives it back (total minus the other parts), so another of its
 *       members is suppressed too: the smallest non-zero published part, or the total when no part is left.
 *       Repeated until no sum has a single suppressed member.</li>
 *   <li>Sums can also give a count back together (two rows and a column, say). The published counts and every sum
 *       make a linear system in the suppressed counts; a suppressed count is given back exactly when every
 *       solution agrees on it. Gauss-Jordan elimination finds those; for each small one, another member of one of
 *       its sums is suppressed, and everything is checked again. It ends: once every non-zero count is suppressed
 *       the system is homogeneous, and any multiple of the true counts solves it.</li>
 * </ol>
 */
final class DenseProtection {
    private static final double EPSILON = 1e-9;

    private final SmallCells rule;

    DenseProtection(SmallCells rule) {
        this.rule = rule;
    }

    /** Suppresses, in {@code hidden}, what the system {@code component} of {@code allSums} needs. */
    void protect(SumComponents.Component component, List<int[]> allSums, long[] values, boolean[] hidden) {
        List<int[]> sums = new ArrayList<>();
        for (int s : component.sums()) {
            sums.add(allSums.get(s));
        }
        while (true) {
            hideComplements(sums, values, hidden);
            int givenBack = firstGivenBack(sums, component.cells(), values, hidden);
            if (givenBack < 0) {
                return;
            }
            hidden[complementFor(givenBack, sums, component.cells(), values, hidden)] = true;
        }
    }

    /** Step 1: until no sum has exactly one suppressed member. */
    private static void hideComplements(List<int[]> sums, long[] values, boolean[] hidden) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] sum : sums) {
                int hiddenMembers = 0;
                for (int member : sum) {
                    if (hidden[member]) {
                        hiddenMembers++;
                    }
                }
                if (hiddenMembers == 1) {
                    // Never -1: the one suppressed member is non-zero, so another member of its sum is too.
                    hidden[smallestPublished(sum, values, hidden)] = true;
                    changed = true;
                }
            }
        }
    }

    /** The smallest non-zero published part of {@code sum}, else its total if published; -1 if neither. */
    private static int smallestPublished(int[] sum, long[] values, boolean[] hidden) {
        int best = -1;
        for (int p = 1; p < sum.length; p++) {
            int part = sum[p];
            if (!hidden[part] && values[part] > 0 && (best < 0 || values[part] < values[best])) {
                best = part;
            }
        }
        if (best < 0 && !hidden[sum[0]] && values[sum[0]] > 0) {
            best = sum[0];
        }
        return best;
    }

    /** A count to suppress so that {@code givenBack} no longer is: in one of its sums if possible, else anywhere. */
    private static int complementFor(int givenBack, List<int[]> sums, int[] cells, long[] values, boolean[] hidden) {
        int best = -1;
        for (int[] sum : sums) {
            if (contains(sum, givenBack)) {
                int candidate = smallestPublished(sum, values, hidden);
                if (candidate >= 0 && (best < 0 || values[candidate] < values[best])) {
                    best = candidate;
                }
            }
        }
        for (int i = 0; best < 0 && i < cells.length; i++) {
            if (!hidden[cells[i]] && values[cells[i]] > 0) {
                best = cells[i];
            }
        }
        if (best < 0) {
            throw new IllegalStateException("Every non-zero count is suppressed yet one is given back: the sums "
                    + "do not hold");
        }
        return best;
    }

    private static boolean contains(int[] sum, int cell) {
        for (int member : sum) {
            if (member == cell) {
                return true;
            }
        }
        return false;
    }

    /**
     * Step 2: the first small suppressed count that the published counts and the sums determine, or -1. Only the
     * sums with a suppressed member matter; each is a row of the system over the suppressed counts (+1 for a part,
     * -1 for the total). A count is determined exactly when its column has a pivot whose row has no free column.
     */
    private int firstGivenBack(List<int[]> sums, int[] cells, long[] values, boolean[] hidden) {
        int[] column = new int[values.length];
        List<Integer> unknowns = new ArrayList<>();
        for (int cell : cells) {
            if (hidden[cell]) {
                column[cell] = unknowns.size();
                unknowns.add(cell);
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int[] sum : sums) {
            double[] row = new double[unknowns.size()];
            boolean any = false;
            for (int m = 0; m < sum.length; m++) {
                if (hidden[sum[m]]) {
                    row[column[sum[m]]] += m == 0 ? -1 : 1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        double[][] matrix = rows.toArray(new double[0][]);
        int[] pivotRowOf = reduce(matrix, unknowns.size());
        for (int c = 0; c < unknowns.size(); c++) {
            int r = pivotRowOf[c];
            if (r >= 0 && rule.isSmall(values[unknowns.get(c)]) && !hasFreeColumn(matrix[r], pivotRowOf)) {
                return unknowns.get(c);
            }
        }
        return -1;
    }

    /** Gauss-Jordan elimination in place, with partial pivoting; returns each column's pivot row, or -1. */
    private static int[] reduce(double[][] matrix, int columns) {
        int[] pivotRowOf = new int[columns];
        Arrays.fill(pivotRowOf, -1);
        int row = 0;
        for (int c = 0; c < columns && row < matrix.length; c++) {
            int best = -1;
            for (int r = row; r < matrix.length; r++) {
                if (Math.abs(matrix[r][c]) > EPSILON && (best < 0 || Math.abs(matrix[r][c]) > Math.abs(matrix[best][c]))) {
                    best = r;
                }
            }
            if (best < 0) {
                continue;
            }
            double[] swap = matrix[row];
            matrix[row] = matrix[best];
            matrix[best] = swap;
            double pivot = matrix[row][c];
            for (int k = c; k < columns; k++) {
                matrix[row][k] /= pivot;
            }
            for (int r = 0; r < matrix.length; r++) {
                double factor = matrix[r][c];
                if (r != row && Math.abs(factor) > EPSILON) {
                    for (int k = c; k < columns; k++) {
                        matrix[r][k] -= factor * matrix[row][k];
                    }
                }
            }
            pivotRowOf[c] = row++;
        }
        return pivotRowOf;
    }

    private static boolean hasFreeColumn(double[] row, int[] pivotRowOf) {
        for (int c = 0; c < row.length; c++) {
            if (pivotRowOf[c] < 0 && Math.abs(row[c]) > EPSILON) {
                return true;
            }
        }
        return false;
    }
}

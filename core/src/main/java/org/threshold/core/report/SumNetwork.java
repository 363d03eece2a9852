package org.threshold.core.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A system of sums in which every count is in at most two sums, as in a table with its row, column and grand totals
 * (a total is in its own sum and in the grand total's), or tables linked by their margins (a site's people are the
 * arrivals' column total and the pyramid's row total). Such a system is a graph: each sum a vertex, each count an
 * edge between its two sums (a count in one sum goes to a shared extra vertex, the ground, whose equation follows
 * from the others). When the signs can be oriented so that every count leaves one sum and enters the other (checked
 * here), the sums are flow conservation, the suppressed counts that every solution agrees on are exactly the
 * <b>bridges</b> of the graph of suppressed counts (an edge on a cycle can carry any amount around it), and secondary
 * suppression is: for each small count that is a bridge, suppress the published counts of the cheapest path that
 * closes a cycle through it. Adding edges never turns an edge into a bridge, so one bridge search and one shortest
 * path per small bridge suffice: near-linear time where dense elimination is cubic and repeated.
 */
final class SumNetwork {
    private final int[] cells;
    private final int vertices;
    private final int[] from;
    private final int[] to;
    private final int[][] incident;

    private SumNetwork(int[] cells, int vertices, int[] from, int[] to, int[][] incident) {
        this.cells = cells;
        this.vertices = vertices;
        this.from = from;
        this.to = to;
        this.incident = incident;
    }

    /** The system {@code component} as a graph, or empty if a count is in three sums or more or the signs clash. */
    static Optional<SumNetwork> of(SumComponents.Component component, List<int[]> allSums, int counts) {
        int[] edgeOf = new int[counts];
        Arrays.fill(edgeOf, -1);
        int[] cells = component.cells();
        for (int e = 0; e < cells.length; e++) {
            edgeOf[cells[e]] = e;
        }
        int ground = component.sums().length;
        int[] from = new int[cells.length];
        int[] to = new int[cells.length];
        int[] sign = new int[cells.length * 2];
        Arrays.fill(from, -1);
        Arrays.fill(to, ground);
        for (int v = 0; v < component.sums().length; v++) {
            int[] sum = allSums.get(component.sums()[v]);
            for (int m = 0; m < sum.length; m++) {
                int e = edgeOf[sum[m]];
                int coefficient = m == 0 ? -1 : 1;
                if (from[e] < 0) {
                    from[e] = v;
                    sign[2 * e] = coefficient;
                } else if (to[e] == ground && from[e] != v) {
                    to[e] = v;
                    sign[2 * e + 1] = coefficient;
                } else {
                    return Optional.empty();
                }
            }
        }
        int[][] incident = incidence(ground + 1, from, to);
        if (!orientable(ground, from, to, sign, incident)) {
            return Optional.empty();
        }
        return Optional.of(new SumNetwork(cells, ground + 1, from, to, incident));
    }

    private static int[][] incidence(int vertices, int[] from, int[] to) {
        int[] degree = new int[vertices];
        for (int e = 0; e < from.length; e++) {
            degree[from[e]]++;
            degree[to[e]]++;
        }
        int[][] incident = new int[vertices][];
        for (int v = 0; v < vertices; v++) {
            incident[v] = new int[degree[v]];
            degree[v] = 0;
        }
        for (int e = 0; e < from.length; e++) {
            incident[from[e]][degree[from[e]]++] = e;
            incident[to[e]][degree[to[e]]++] = e;
        }
        return incident;
    }

    /**
     * Whether each sum can be multiplied by +1 or -1 so that every count in two sums has opposite signs in them
     * (then the sums are a directed graph's conservation laws). The ground has no equation of its own, so its
     * edges ask nothing.
     */
    private static boolean orientable(int ground, int[] from, int[] to, int[] sign, int[][] incident) {
        int[] flip = new int[ground];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int root = 0; root < ground; root++) {
            if (flip[root] != 0) {
                continue;
            }
            flip[root] = 1;
            queue.add(root);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int e : incident[v]) {
                    if (to[e] == ground) {
                        continue;
                    }
                    int w = from[e] == v ? to[e] : from[e];
                    int mine = from[e] == v ? sign[2 * e] : sign[2 * e + 1];
                    int theirs = from[e] == v ? sign[2 * e + 1] : sign[2 * e];
                    int wanted = -flip[v] * mine * theirs;
                    if (flip[w] == 0) {
                        flip[w] = wanted;
                        queue.add(w);
                    } else if (flip[w] != wanted) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Suppresses, in {@code hidden}, what keeps every small suppressed count of this system on a cycle. */
    void protect(long[] values, boolean[] hidden, SmallCells rule) {
        boolean[] suppressed = suppressed(hidden);
        boolean[] bridge = Bridges.of(vertices, from, to, incident, suppressed);
        for (int e = 0; e < cells.length; e++) {
            if (bridge[e] && rule.isSmall(values[cells[e]])) {
                closeCycle(e, values, suppressed);
            }
        }
        for (int e = 0; e < cells.length; e++) {
            hidden[cells[e]] = suppressed[e];
        }
    }

    /** The counts (indices into the publication) that the published ones and the sums give back. */
    List<Integer> givenBack(boolean[] hidden) {
        boolean[] bridge = Bridges.of(vertices, from, to, incident, suppressed(hidden));
        List<Integer> given = new ArrayList<>();
        for (int e = 0; e < cells.length; e++) {
            if (bridge[e]) {
                given.add(cells[e]);
            }
        }
        return given;
    }

    private boolean[] suppressed(boolean[] hidden) {
        boolean[] suppressed = new boolean[cells.length];
        for (int e = 0; e < cells.length; e++) {
            suppressed[e] = hidden[cells[e]];
        }
        return suppressed;
    }

    /**
     * Suppresses the published counts of the cheapest path between the ends of {@code bridge} that avoids it:
     * suppressed counts cost nothing (an earlier path may already have closed the cycle), published ones their
     * value, zeros are never taken (see {@link Suppression}). A path always exists when the sums hold: the true
     * counts are a circulation, and every edge of a circulation's support lies on a cycle of non-zero edges.
     */
    private void closeCycle(int bridge, long[] values, boolean[] suppressed) {
        long[] distance = new long[vertices];
        Arrays.fill(distance, Long.MAX_VALUE);
        int[] via = new int[vertices];
        Arrays.fill(via, -1);
        int start = from[bridge];
        int goal = to[bridge];
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        distance[start] = 0;
        queue.add(new long[] {0, start});
        while (!queue.isEmpty()) {
            long[] head = queue.poll();
            int v = (int) head[1];
            if (head[0] > distance[v]) {
                continue;
            }
            if (v == goal) {
                break;
            }
            for (int e : incident[v]) {
                long value = values[cells[e]];
                if (e == bridge || !suppressed[e] && value == 0) {
                    continue;
                }
                long cost = head[0] + (suppressed[e] ? 0 : value);
                int w = from[e] == v ? to[e] : from[e];
                if (cost < distance[w]) {
                    distance[w] = cost;
                    via[w] = e;
                    queue.add(new long[] {cost, w});
                }
            }
        }
        if (distance[goal] == Long.MAX_VALUE) {
            throw new IllegalStateException("A small count is on no cycle of non-zero counts: the sums do not hold");
        }
        for (int v = goal; v != start; ) {
            int e = via[v];
            suppressed[e] = true;
            v = from[e] == v ? to[e] : from[e];
        }
    }
}

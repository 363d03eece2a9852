package org.threshold.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a publication's sums into independent systems: two sums belong together when they share a count, directly
 * or through other sums. A suppressed count can only be worked out from the sums of its own system, so each system
 * is checked alone (the arrivals' household grid never meets the people's). Counts in no sum are in no system: no
 * sum can give them back.
 */
final class SumComponents {

    /** The sums (indices into the publication's sums) of one system, and every count they name. */
    record Component(int[] sums, int[] cells) {
    }

    private SumComponents() {
    }

    static List<Component> of(int counts, List<int[]> sums) {
        int[] parent = new int[counts];
        for (int i = 0; i < counts; i++) {
            parent[i] = i;
        }
        for (int[] sum : sums) {
            for (int member : sum) {
                parent[find(parent, member)] = find(parent, sum[0]);
            }
        }
        Map<Integer, List<Integer>> sumsByRoot = new LinkedHashMap<>();
        for (int s = 0; s < sums.size(); s++) {
            sumsByRoot.computeIfAbsent(find(parent, sums.get(s)[0]), root -> new ArrayList<>()).add(s);
        }
        boolean[] named = new boolean[counts];
        for (int[] sum : sums) {
            for (int member : sum) {
                named[member] = true;
            }
        }
        Map<Integer, List<Integer>> cellsByRoot = new LinkedHashMap<>();
        for (int cell = 0; cell < counts; cell++) {
            if (named[cell]) {
                cellsByRoot.computeIfAbsent(find(parent, cell), root -> new ArrayList<>()).add(cell);
            }
        }
        List<Component> components = new ArrayList<>();
        sumsByRoot.forEach((root, members) -> components.add(new Component(toArray(members),
                toArray(cellsByRoot.get(root)))));
        return components;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}

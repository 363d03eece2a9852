package org.threshold.core.report;

import java.util.Arrays;

/**
 * The bridges of a multigraph restricted to some of its edges: the edges on no cycle. Tarjan's lowpoint method, in
 * one depth-first pass (iterative: a year of days is a deep path), so linear in vertices and edges. Parallel edges
 * are told apart by id, so two edges between the same pair form a cycle.
 */
final class Bridges {

    private Bridges() {
    }

    /**
     * Which edges are bridges of the graph on {@code vertices} vertices made of the edges {@code e} with
     * {@code present[e]}; edge {@code e} joins {@code from[e]} and {@code to[e]}; {@code incident[v]} lists the edges
     * at {@code v}.
     */
    static boolean[] of(int vertices, int[] from, int[] to, int[][] incident, boolean[] present) {
        boolean[] bridge = new boolean[from.length];
        int[] order = new int[vertices];
        Arrays.fill(order, -1);
        int[] low = new int[vertices];
        int[] stackVertex = new int[vertices];
        int[] stackEdge = new int[vertices];
        int[] next = new int[vertices];
        int visited = 0;
        for (int root = 0; root < vertices; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int depth = 0;
            stackVertex[0] = root;
            stackEdge[0] = -1;
            next[root] = 0;
            order[root] = low[root] = visited++;
            while (depth >= 0) {
                int v = stackVertex[depth];
                if (next[v] < incident[v].length) {
                    int e = incident[v][next[v]++];
                    if (!present[e] || e == stackEdge[depth]) {
                        continue;
                    }
                    int w = from[e] == v ? to[e] : from[e];
                    if (order[w] < 0) {
                        order[w] = low[w] = visited++;
                        next[w] = 0;
                        depth++;
                        stackVertex[depth] = w;
                        stackEdge[depth] = e;
                    } else {
                        low[v] = Math.min(low[v], order[w]);
                    }
                } else {
                    depth--;
                    if (depth >= 0) {
                        int parent = stackVertex[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                        if (low[v] > order[parent]) {
                            bridge[stackEdge[depth + 1]] = true;
                        }
                    }
                }
            }
        }
        return bridge;
    }
}

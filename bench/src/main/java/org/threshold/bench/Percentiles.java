package org.threshold.bench;

import java.util.Arrays;

/**
 * Median and 90th percentile of a set of timings. Medians, not means: on two shared cores the odd
 * sample is 10x slower (a GC, a neighbour's burst, a slow fsync) and would drag a mean with it.
 */
public final class Percentiles {
    private final long[] sortedNanos;

    public Percentiles(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    public double medianMillis() {
        int n = sortedNanos.length;
        double median = n % 2 == 1 ? sortedNanos[n / 2] : (sortedNanos[n / 2 - 1] + sortedNanos[n / 2]) / 2.0;
        return median / 1e6;
    }

    /** Nearest rank: the smallest sample at or above 99 % of them. */
    public double p99Millis() {
        int rank = (int) Math.ceil(0.99 * sortedNanos.length);
        return sortedNanos[rank - 1] / 1e6;
    }

    /** Nearest rank: the smallest sample at or above 90 % of them. */
    public double p90Millis() {
        int rank = (int) Math.ceil(0.9 * sortedNanos.length);
        return sortedNanos[rank - 1] / 1e6;
    }
}

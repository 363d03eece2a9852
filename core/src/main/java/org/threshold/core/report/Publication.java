package org.threshold.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every count published together, across all the tables of a release, each under a key, with the sums that tie them
 * together ("this total is the sum of those cells"). A count that appears in two tables (a site's people in the
 * arrivals table and in the age-sex pyramid) is one key, so a total published in one table cannot undo a
 * suppression in the other. {@link Suppression} decides what of it is published. Not thread-safe: build, then
 * suppress.
 */
public final class Publication {
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<Sum> sums = new ArrayList<>();

    /** {@code total} is the sum of {@code parts}: anyone holding all but one of them can work out the last. */
    public record Sum(String total, List<String> parts) {
        public Sum {
            Objects.requireNonNull(total, "total");
            parts = List.copyOf(parts);
        }
    }

    /**
     * Adds a count under {@code key}; adding the same key again must give the same count (it is the same figure
     * in another table).
     */
    public Publication count(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("A count is never negative: " + key + " = " + value);
        }
        Long before = counts.putIfAbsent(key, value);
        if (before != null && before != value) {
            throw new IllegalArgumentException("Count " + key + " is " + before + " in one table and " + value
                    + " in another");
        }
        return this;
    }

    /** Ties {@code total} to {@code parts}, which must all be counted already and must add up to it. */
    public Publication sum(String total, List<String> parts) {
        long added = 0;
        for (String part : parts) {
            added += require(part);
        }
        if (added != require(total)) {
            throw new IllegalArgumentException("Total " + total + " is " + counts.get(total) + " but its parts add up "
                    + "to " + added);
        }
        sums.add(new Sum(total, parts));
        return this;
    }

    private long require(String key) {
        Long value = counts.get(key);
        if (value == null) {
            throw new IllegalArgumentException("No count " + key + " in this publication");
        }
        return value;
    }

    /** Every count, in the order they were added. */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    List<String> keys() {
        return List.copyOf(counts.keySet());
    }

    /** The count under {@code key} (not a copy of them all, as {@link #counts} is: a report adds thousands). */
    public long value(String key) {
        return require(key);
    }

    public List<Sum> sums() {
        return List.copyOf(sums);
    }
}

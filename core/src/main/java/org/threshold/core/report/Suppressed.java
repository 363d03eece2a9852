package org.threshold.core.report;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** A {@link Publication} after {@link Suppression}: each count either published or suppressed. */
public final class Suppressed {
    private final SmallCells rule;
    private final Set<String> keys;
    private final Map<String, Long> published;

    Suppressed(SmallCells rule, Set<String> keys, Map<String, Long> published) {
        this.rule = rule;
        this.keys = Set.copyOf(keys);
        this.published = Map.copyOf(published);
    }

    /** The count under {@code key}, or empty if it is suppressed. */
    public OptionalLong count(String key) {
        if (!keys.contains(key)) {
            throw new IllegalArgumentException("No count " + key + " in this publication");
        }
        Long value = published.get(key);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    public SmallCells rule() {
        return rule;
    }

    /** Every published count by key; a key of the publication that is missing here is suppressed. */
    public Map<String, Long> published() {
        return published;
    }
}

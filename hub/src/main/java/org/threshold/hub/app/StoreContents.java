package org.threshold.hub.app;

import java.util.Map;
import java.util.TreeMap;
import org.threshold.core.event.ChainPosition;

/**
 * What a hub's store holds, read in one snapshot: rows per table and every kiosk's chain head. A backup records it
 * and a restore checks the restored store against it.
 *
 * @param dialect {@code sqlite} or {@code postgresql}; @param schemaVersion the last migration applied
 */
public record StoreContents(String dialect, String schemaVersion, Map<String, Long> rows,
                            Map<String, ChainPosition> heads) {
    public StoreContents {
        rows = java.util.Collections.unmodifiableMap(new TreeMap<>(rows));
        heads = Map.copyOf(heads);
    }

    public long events() {
        return rows.getOrDefault("events", 0L);
    }

    public long households() {
        return rows.getOrDefault("households", 0L);
    }

    public long kiosks() {
        return rows.getOrDefault("kiosks", 0L);
    }
}

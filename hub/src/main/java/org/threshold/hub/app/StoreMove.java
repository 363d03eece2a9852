package org.threshold.hub.app;

import java.util.Map;
import org.threshold.core.event.ChainPosition;

/**
 * Moves a hub's whole state into another, empty database (SQLite to PostgreSQL, when a deployment outgrows one
 * machine): refuses a target that holds anything, copies every row in one transaction, then checks that every
 * table holds as many rows as the source and every kiosk's chain ends at the same head. Run it with the hub
 * stopped, so nothing changes during the copy.
 */
public final class StoreMove {
    private StoreMove() {
    }

    /** What was moved: rows per table and how many kiosk chains were checked. */
    public record Moved(Map<String, Long> rows, int chains) {
        public long events() {
            return rows.getOrDefault("events", 0L);
        }
    }

    /** @throws Refusal CONFLICT {@code TARGET_NOT_EMPTY}; {@link IllegalStateException} if the check fails */
    public static Moved move(HubStore source, HubStore target) {
        Map<String, Long> held = target.rowCounts();
        long rowsInTarget = held.values().stream().mapToLong(Long::longValue).sum();
        if (rowsInTarget > 0) {
            throw new Refusal(Refusal.Kind.CONFLICT, "TARGET_NOT_EMPTY", "The target database already holds "
                    + rowsInTarget + " row(s) of hub state; nothing was copied. Give an empty database: a move never "
                    + "merges two hubs.");
        }
        if (!source.info().schemaVersion().equals(target.info().schemaVersion())) {
            throw new IllegalStateException("The source is at schema version " + source.info().schemaVersion()
                    + " and the target at " + target.info().schemaVersion() + "; nothing was copied.");
        }
        source.copyInto(target);
        Map<String, Long> before = source.rowCounts();
        Map<String, Long> after = target.rowCounts();
        if (!before.equals(after)) {
            throw new IllegalStateException("After the copy the row counts differ (source " + before + ", target "
                    + after + "). Do not use the target; drop and recreate it, then move again.");
        }
        Map<String, ChainPosition> sourceHeads = source.read(repositories -> repositories.events().heads());
        Map<String, ChainPosition> targetHeads = target.read(repositories -> repositories.events().heads());
        if (!sourceHeads.equals(targetHeads)) {
            throw new IllegalStateException("After the copy the kiosks' chain heads differ. Do not use the target; "
                    + "drop and recreate it, then move again.");
        }
        return new Moved(before, sourceHeads.size());
    }
}

package org.threshold.hub.app.audit;

import java.util.List;
import org.threshold.hub.app.HubStore;

/**
 * The DPO's view of the access log: a page of records, newest first. A page reads only its own records: walking the
 * hash chain costs seconds per hundred thousand records, so it is done on demand ({@link AccessLogVerifier}), never
 * on every listing. Thread-safe.
 */
public final class AuditTrail {
    /** The most records one page holds, whatever is asked. */
    public static final int MAX_PAGE = 200;

    private final HubStore store;

    public AuditTrail(HubStore store) {
        this.store = store;
    }

    /**
     * @param query its limit is capped at {@link #MAX_PAGE}
     */
    public Page search(AccessQuery query) {
        int limit = Math.max(1, Math.min(MAX_PAGE, query.limit()));
        AccessQuery capped = new AccessQuery(query.account(), query.from(), query.to(), query.action(),
                query.outcome(), query.householdId(), query.beforeId(), limit);
        List<AccessLogEntry> entries = store.read(repositories -> repositories.accessLog().search(capped));
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).id() : null;
        return new Page(entries, next);
    }

    /**
     * @param next the {@code beforeId} of the following page, or null when this one is the last
     */
    public record Page(List<AccessLogEntry> entries, Long next) {
        public Page {
            entries = List.copyOf(entries);
        }
    }
}

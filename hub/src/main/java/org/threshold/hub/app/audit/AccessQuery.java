package org.threshold.hub.app.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which access log records a DPO asks for; every filter may be null (no filter). Newest first, a page at a time.
 *
 * @param from     at or after this time
 * @param to       before this time
 * @param beforeId only records below this row id: the previous page's {@code next}
 * @param limit    at most this many records
 */
public record AccessQuery(String account, Instant from, Instant to, String action, String outcome, UUID householdId,
                          Long beforeId, int limit) {
}

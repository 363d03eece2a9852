package org.threshold.hub.web.audit;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.threshold.hub.app.audit.AccessQuery;
import org.threshold.hub.web.http.ApiException;

/**
 * The DPO's filters as query parameters, read the same way by the API and the pages: {@code account}, {@code from},
 * {@code to} (ISO instants), {@code action}, {@code outcome}, {@code household} (an id), {@code before} (the previous
 * page's {@code next}) and {@code limit}. Blank means no filter.
 */
final class AuditFilters {
    static final int DEFAULT_PAGE = 50;

    private AuditFilters() {
    }

    /** @throws ApiException 400 {@code INVALID_FILTER} naming the filter that does not parse */
    static AccessQuery query(Context ctx) {
        return new AccessQuery(text(ctx, "account"), instant(ctx, "from"), instant(ctx, "to"), text(ctx, "action"),
                text(ctx, "outcome"), uuid(ctx, "household"), number(ctx, "before"), limit(ctx));
    }

    static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Long number(Context ctx, String name) {
        String value = text(ctx, name);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "number");
        }
    }

    static int limit(Context ctx) {
        Long limit = number(ctx, "limit");
        if (limit != null && limit < 1) {
            throw invalid("limit", "limit");
        }
        return limit == null ? DEFAULT_PAGE : (int) Math.min(limit, Integer.MAX_VALUE);
    }

    private static Instant instant(Context ctx, String name) {
        String value = text(ctx, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "time");
        }
    }

    private static UUID uuid(Context ctx, String name) {
        String value = text(ctx, name);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "household");
        }
    }

    /** @param expected {@code number}, {@code limit}, {@code time} or {@code household}: the bundle's choice */
    private static ApiException invalid(String name, String expected) {
        return new ApiException(400, "INVALID_FILTER", Map.of("filter", name, "expected", expected));
    }
}

package org.threshold.hub.web.referral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.referral.ReferralQueues;
import org.threshold.hub.app.referral.ReferralRepository.QueueCursor;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.ApiException;

/**
 * The referral API: {@code GET /api/referrals?service=&status=&after=&limit=} (a capped page of a queue, soonest due
 * first, with {@code next} to go on) and {@code GET /api/referrals/{id}} (one referral and its history). What each
 * caller sees is the access policy's.
 */
public final class ReferralApi {
    private final ReferralQueues queues;

    public ReferralApi(ReferralQueues queues) {
        this.queues = queues;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/referrals", this::list, Access.HOUSEHOLD_READERS);
        routes.get("/api/referrals/{id}", this::show, Access.HOUSEHOLD_READERS);
    }

    private void list(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        ReferralQueues.Page page = queues.page(user, Optional.ofNullable(ctx.queryParam("service")),
                status(ctx.queryParam("status")), cursor(ctx.queryParam("after")), limit(ctx.queryParam("limit")));
        ObjectNode body = ReferralJson.list(page.referrals());
        page.next().ifPresent(next -> body.put("next", next.dueAt().toEpochMilli() + "." + next.referralId()));
        ctx.json(body);
    }

    private void show(Context ctx) {
        ReferralQueues.Detail detail = queues.find(RouteGuard.user(ctx), id(ctx.pathParam("id")));
        ObjectNode body = ReferralJson.of(detail.view());
        body.set("history", ReferralJson.history(detail.history()));
        ctx.json(body);
    }

    static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "NO_SUCH_REFERRAL", "There is no such referral among those you may see.");
        }
    }

    private static Optional<ReferralStatus> status(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReferralStatus.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "UNKNOWN_STATUS", "A status is one of SENT, RECEIVED, ACCEPTED, DECLINED, "
                    + "IN_PROGRESS, CLOSED, WITHDRAWN, FAILED.");
        }
    }

    /** {@code next} of the previous page: due time in epoch milliseconds, a dot, the referral id. */
    private static Optional<QueueCursor> cursor(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        try {
            return Optional.of(new QueueCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, dot))),
                    UUID.fromString(text.substring(dot + 1))));
        } catch (RuntimeException e) {
            throw new ApiException(400, "INVALID_CURSOR", "Pass as after= the next value of the previous page, as "
                    + "it came.");
        }
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return ReferralQueues.MAX_PAGE;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1) {
                return Math.min(limit, ReferralQueues.MAX_PAGE);
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw new ApiException(400, "INVALID_LIMIT", "limit is a whole number from 1 to " + ReferralQueues.MAX_PAGE
                + ".");
    }
}

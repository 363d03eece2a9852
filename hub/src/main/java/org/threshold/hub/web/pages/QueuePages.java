package org.threshold.hub.web.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.referral.ReferralQueues;
import org.threshold.hub.app.referral.QueueRepository.QueueCursor;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.referral.ReferralApi;

/**
 * The service queues of caseworkers and supervisors ({@code GET /queue?service=}): referrals soonest due first, the
 * overdue ones marked with why, the count in each status; the list redraws itself ({@code GET /queue/rows}) when
 * {@link QueueEvents} says the queue changed. Everything shown comes from {@link ReferralQueues}, the same service
 * and access policy as {@code GET /api/referrals}, so every household shown is in the access log.
 */
public final class QueuePages {
    static final Access[] QUEUE_ROLES = {Access.CASEWORKER, Access.SUPERVISOR};

    private final ReferralQueues queues;
    private final PageFrames frames;
    private final Clock clock;
    private final QueueEvents events;

    public QueuePages(ReferralQueues queues, PageFrames frames, Clock clock) {
        this.queues = queues;
        this.frames = frames;
        this.clock = clock;
        this.events = new QueueEvents(queues);
    }

    /** The pages, their event streams, and the streams' end when the server stops (or fails to start). */
    public void install(JavalinConfig config) {
        config.routes.get("/queue", this::page, QUEUE_ROLES);
        config.routes.get("/queue/rows", this::rows, QUEUE_ROLES);
        events.addRoutes(config.routes);
        config.events.serverStopping(events::close);
        config.events.serverStartFailed(events::close);
    }

    private void page(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        Frame frame = frames.signedIn(ctx, "queue.title");
        Map<String, Object> params = rowsParams(ctx, frame);
        QueueRows words = new QueueRows(frame);
        List<Map.Entry<String, String>> tabs = new ArrayList<>();
        for (String service : new TreeSet<>(user.services())) {
            tabs.add(Map.entry(service, words.service(service)));
        }
        params.put("frame", frame);
        params.put("tabs", tabs);
        Templates.render(ctx, "queue/queue.jte", params);
    }

    /** Only the counts and the list: what the page swaps in when the queue changed. */
    private void rows(Context ctx) {
        Frame frame = frames.signedIn(ctx, "queue.title");
        Map<String, Object> params = rowsParams(ctx, frame);
        params.put("frame", frame);
        Templates.render(ctx, "queue/rows.jte", params);
    }

    private Map<String, Object> rowsParams(Context ctx, Frame frame) {
        SignedInUser user = RouteGuard.user(ctx);
        Optional<String> service = service(ctx);
        Optional<QueueCursor> after = ReferralApi.cursor(ctx.queryParam("after"));
        // A refusal (a service not theirs) becomes the error page in the user's language (ErrorResponses).
        ReferralQueues.Page page = queues.page(user, service, Optional.empty(), after, ReferralQueues.MAX_PAGE);
        QueueRows words = new QueueRows(frame);
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>();
        params.put("service", service.orElse(""));
        params.put("rows", page.referrals().stream().map(view -> words.row(view, now)).toList());
        params.put("counts", words.counts(queues.counts(user, service)));
        params.put("next", page.next().map(ReferralApi::cursorText).orElse(""));
        params.put("updated", words.time(now));
        return params;
    }

    static Optional<String> service(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("service")).filter(service -> !service.isBlank());
    }
}

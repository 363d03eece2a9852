package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.app.referral.ReferralQueues;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.referral.ReferralApi;

/**
 * One referral ({@code GET /referrals/{id}}): its service, urgency, due time (overdue and why), legal basis, the people
 * its service's field profile lets through, and its history. Read through {@link ReferralQueues#find}, as
 * {@code GET /api/referrals/{id}}: the same policy, the same access log, the same "no such referral" for one of
 * another service.
 */
public final class ReferralPages {
    private final ReferralQueues queues;
    private final NeedsCatalogue catalogue;
    private final PageFrames frames;
    private final Clock clock;

    public ReferralPages(ReferralQueues queues, NeedsCatalogue catalogue, PageFrames frames, Clock clock) {
        this.queues = queues;
        this.catalogue = catalogue;
        this.frames = frames;
        this.clock = clock;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/referrals/{id}", this::show, Access.HOUSEHOLD_READERS);
    }

    private void show(Context ctx) {
        ReferralQueues.Detail detail = queues.find(RouteGuard.user(ctx), ReferralApi.id(ctx.pathParam("id")));
        Frame frame = frames.signedIn(ctx, "referral.title");
        QueueRows words = new QueueRows(frame);
        List<History> history = detail.history().stream().map(event -> new History(words.time(event.recordedAt()),
                event(frame, event), words.status(event.status()))).toList();
        Templates.render(ctx, "referral/show.jte", Map.of("frame", frame,
                "referral", words.row(detail.view(), clock.instant()),
                "basis", frame.text("basis." + detail.view().referral().basis().wireName()),
                "members", new LookupPage(catalogue, frame).members(detail.view().visible().people()),
                "history", history));
    }

    /** One line of a referral's history. */
    public record History(String time, String event, String status) {
    }

    private static String event(Frame frame, ReferralEventRecord event) {
        String key = "event." + event.type();
        return frame.ui().has(key) ? frame.text(key) : event.type();
    }
}

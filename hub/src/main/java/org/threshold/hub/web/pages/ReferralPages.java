package org.threshold.hub.web.pages;

import java.util.HashMap;
import java.util.UUID;
import org.threshold.core.referral.ReferralLifecycle;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.referral.ReferralChanges;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;
import io.javalin.http.HttpStatus;
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
    private final ReferralChanges changes;
    private final NeedsCatalogue catalogue;
    private final PageFrames frames;
    private final Clock clock;

    public ReferralPages(ReferralQueues queues, ReferralChanges changes, NeedsCatalogue catalogue, PageFrames frames,
                         Clock clock) {
        this.queues = queues;
        this.changes = changes;
        this.catalogue = catalogue;
        this.frames = frames;
        this.clock = clock;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/referrals/{id}", ctx -> show(ctx, null), Access.HOUSEHOLD_READERS);
        // The page's forms act through the same ReferralChanges as POST /api/referrals/{id}/transitions and /notes.
        routes.post("/referrals/{id}/transition", ctx -> act(ctx, (user, id) -> changes.transition(user, id,
                status(ctx.formParam("status")), blankToNull(ctx.formParam("reason")),
                blankToNull(ctx.formParam("note")))), Access.SUPERVISOR, Access.CASEWORKER);
        routes.post("/referrals/{id}/note", ctx -> act(ctx, (user, id) -> changes.addNote(user, id,
                ctx.formParam("text"))), Access.SUPERVISOR, Access.CASEWORKER);
    }

    /** Does the change, then shows the referral as it now stands (303), or the same page with the refusal's reason. */
    private void act(Context ctx, java.util.function.BiConsumer<SignedInUser, UUID> change) {
        UUID id = ReferralApi.id(ctx.pathParam("id"));
        try {
            change.accept(RouteGuard.user(ctx), id);
            ctx.redirect("/referrals/" + id, HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
            ctx.status(e.status());
            show(ctx, e.getMessage());
        }
    }

    /** A status the form did not offer is refused by the lifecycle like any other forbidden move. */
    private static ReferralStatus status(String wireName) {
        return ReferralStatus.fromWireName(wireName).orElseThrow(() -> new Refusal(Refusal.Kind.INVALID,
                "MALFORMED_REQUEST", "Choose one of the statuses the page offers."));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private void show(Context ctx, String problem) {
        ReferralQueues.Detail detail = queues.find(RouteGuard.user(ctx), ReferralApi.id(ctx.pathParam("id")));
        Frame frame = frames.signedIn(ctx, "referral.title");
        QueueRows words = new QueueRows(frame);
        List<History> history = detail.history().stream().map(event -> new History(words.time(event.recordedAt()),
                event(frame, event), words.status(event.status()))).toList();
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame,
                "referral", words.row(detail.view(), clock.instant()),
                "basis", frame.text("basis." + detail.view().referral().basis().wireName()),
                "members", new LookupPage(catalogue, frame).members(detail.view().visible().people()),
                "history", history));
        // Only the receiving service acts (the policy decides again on every post); a protection officer reads.
        Role role = RouteGuard.user(ctx).role();
        boolean acts = role == Role.CASEWORKER || role == Role.SUPERVISOR;
        ReferralStatus status = detail.view().referral().status();
        params.put("next", acts ? ReferralLifecycle.nextStatuses(status == ReferralStatus.SENT
                ? ReferralStatus.RECEIVED : status).stream().map(ReferralStatus::name).toList() : List.of());
        params.put("canNote", acts && status.open());
        if (problem != null) {
            params.put("problem", problem);
        }
        Templates.render(ctx, "referral/show.jte", params);
    }

    /** One line of a referral's history. */
    public record History(String time, String event, String status) {
    }

    private static String event(Frame frame, ReferralEventRecord event) {
        String key = "event." + event.type();
        return frame.ui().has(key) ? frame.text(key) : event.type();
    }
}

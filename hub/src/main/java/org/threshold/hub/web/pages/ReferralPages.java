package org.threshold.hub.web.pages;

import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.threshold.core.referral.ReferralLifecycle;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.Service;
import org.threshold.core.referral.ServiceDirectory;
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
 * another service. Its forms move the referral on, note it and (supervisors) reassign it, through the same
 * {@link ReferralChanges} as the API; a refusal is shown on the page in the user's language and changes nothing.
 */
public final class ReferralPages {
    private final ReferralQueues queues;
    private final ReferralChanges changes;
    private final NeedsCatalogue catalogue;
    private final ServiceDirectory services;
    private final PageFrames frames;
    private final Clock clock;

    public ReferralPages(ReferralQueues queues, ReferralChanges changes, NeedsCatalogue catalogue,
                         ServiceDirectory services, PageFrames frames, Clock clock) {
        this.queues = queues;
        this.changes = changes;
        this.catalogue = catalogue;
        this.services = services;
        this.frames = frames;
        this.clock = clock;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/referrals/{id}", ctx -> show(ctx, null), Access.HOUSEHOLD_READERS);
        // The page's forms act through the same ReferralChanges as POST /api/referrals/{id}/transitions, /notes and
        // /reassign, so the policy and the lifecycle decide as they do for the API.
        routes.post("/referrals/{id}/transition", ctx -> act(ctx, (user, id) -> {
            changes.transition(user, id, status(ctx.formParam("status")), blankToNull(ctx.formParam("reason")),
                    blankToNull(ctx.formParam("note")));
            return "/referrals/" + id;
        }), Access.SUPERVISOR, Access.CASEWORKER);
        routes.post("/referrals/{id}/note", ctx -> act(ctx, (user, id) -> {
            changes.addNote(user, id, ctx.formParam("text"));
            return "/referrals/" + id;
        }), Access.SUPERVISOR, Access.CASEWORKER);
        routes.post("/referrals/{id}/reassign", ctx -> act(ctx, (user, id) -> {
            changes.reassign(user, id, Optional.ofNullable(ctx.formParam("service")).orElse(""),
                    blankToNull(ctx.formParam("reason")));
            // Sent to a service the supervisor may not lead, the referral may no longer be theirs to see: back to
            // their queue, where it has gone or moved.
            return "/queue";
        }), Access.SUPERVISOR);
    }

    /**
     * Does the change, then goes where it says (303), or shows the referral again with the refusal's reason in the
     * user's language, with the refusal's status.
     */
    private void act(Context ctx, BiFunction<SignedInUser, UUID, String> change) {
        UUID id = ReferralApi.id(ctx.pathParam("id"));
        try {
            ctx.redirect(change.apply(RouteGuard.user(ctx), id), HttpStatus.SEE_OTHER);
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
        // Offered to a supervisor only, as the route allows; which target the policy and lifecycle accept is theirs.
        params.put("targets", role == Role.SUPERVISOR && status.open() ? targets(words,
                detail.view().referral().service()) : List.of());
        if (problem != null) {
            params.put("problem", problem);
        }
        Templates.render(ctx, "referral/show.jte", params);
    }

    /**
     * Every other service of the services file, in its order, worded in the user's language; not those only the
     * person's own consent opens (GBV), which the hub refuses as targets ({@code PERSONAL_CONSENT_REQUIRED}) since it
     * holds no such consent.
     */
    private List<Target> targets(QueueRows words, String current) {
        return services.all().stream().filter(service -> !service.personalConsentOnly()).map(Service::id)
                .filter(id -> !id.equals(current)).map(id -> new Target(id, words.service(id))).toList();
    }

    /** A service a referral may be reassigned to: its id and its name in the user's language. */
    public record Target(String id, String label) {
    }

    /** One line of a referral's history. */
    public record History(String time, String event, String status) {
    }

    private static String event(Frame frame, ReferralEventRecord event) {
        String key = "event." + event.type();
        return frame.ui().has(key) ? frame.text(key) : event.type();
    }
}

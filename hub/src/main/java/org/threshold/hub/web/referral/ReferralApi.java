package org.threshold.hub.web.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.referral.ConsentWithdrawal;
import org.threshold.hub.app.referral.HouseholdConsent;
import org.threshold.hub.app.referral.ReferralChanges;
import org.threshold.hub.app.referral.ReferralQueues;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.QueueRepository.QueueCursor;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.RequestBodies;
import org.threshold.hub.web.http.RequestLanguage;

/**
 * The referral API: {@code GET /api/referrals?service=&status=&after=&limit=} (a capped page of a queue, soonest due
 * first, with {@code next} to go on), {@code GET /api/referrals/{id}} (one referral and its history), the changes
 * ({@code POST .../transitions}, {@code .../notes}, {@code .../reassign}) and a protection officer's withdrawal of a
 * household's consent ({@code POST /api/households/{token}/consent}). What each caller sees and may do is the access
 * policy's; a change answers with the referral as the caller now sees it.
 */
public final class ReferralApi {
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String TRANSITION_SHAPE = "{\"status\",\"reason\"?,\"note\"?}";
    private static final String NOTE_SHAPE = "{\"text\"}";
    private static final String REASSIGN_SHAPE = "{\"service\",\"reason\"}";
    private static final String CONSENT_SHAPE = "{\"referral\": false, \"reason\"}";
    private static final String STATUSES = Arrays.stream(ReferralStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final ReferralQueues queues;
    private final ReferralChanges changes;
    private final HouseholdConsent consent;

    public ReferralApi(ReferralQueues queues, ReferralChanges changes, HouseholdConsent consent) {
        this.queues = queues;
        this.changes = changes;
        this.consent = consent;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/referrals", this::list, Access.HOUSEHOLD_READERS);
        routes.get("/api/referrals/{id}", this::show, Access.HOUSEHOLD_READERS);
        routes.post("/api/referrals/{id}/transitions", this::transition, Access.SUPERVISOR, Access.CASEWORKER);
        routes.post("/api/referrals/{id}/notes", this::note, Access.SUPERVISOR, Access.CASEWORKER);
        routes.post("/api/referrals/{id}/reassign", this::reassign, Access.SUPERVISOR);
        routes.post("/api/households/{codeOrQr}/consent", this::withdrawConsent, Access.PROTECTION_OFFICER);
    }

    private void transition(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        UUID id = id(ctx.pathParam("id"));
        JsonNode body = body(ctx, TRANSITION_SHAPE);
        ReferralStatus to = status(text(body, "status", true, TRANSITION_SHAPE)).orElseThrow(() ->
                malformed(TRANSITION_SHAPE));
        changes.transition(user, id, to, text(body, "reason", false, TRANSITION_SHAPE),
                text(body, "note", false, TRANSITION_SHAPE));
        answer(ctx, user, id);
    }

    private void note(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        UUID id = id(ctx.pathParam("id"));
        changes.addNote(user, id, text(body(ctx, NOTE_SHAPE), "text", true, NOTE_SHAPE));
        answer(ctx, user, id);
    }

    private void reassign(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        UUID id = id(ctx.pathParam("id"));
        JsonNode body = body(ctx, REASSIGN_SHAPE);
        ReferralRecord moved = changes.reassign(user, id, text(body, "service", true, REASSIGN_SHAPE),
                text(body, "reason", false, REASSIGN_SHAPE));
        try {
            answer(ctx, user, id);
        } catch (Refusal gone) {
            // Reassigned to a service the supervisor does not lead: they no longer see it, only where it went.
            HubJson.answer(ctx, HubJson.MAPPER.createObjectNode().put("id", id.toString())
                    .put("service", moved.service()).put("status", moved.status().name()));
        }
    }

    private void withdrawConsent(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        JsonNode body = body(ctx, CONSENT_SHAPE);
        JsonNode referral = body.get("referral");
        if (referral == null || !referral.isBoolean()) {
            throw malformed(CONSENT_SHAPE);
        }
        if (referral.booleanValue()) {
            throw ApiException.of(new Refusal(Refusal.Kind.INVALID, "CONSENT_CHANGE_UNSUPPORTED", "At the hub, "
                    + "consent to referral can only be withdrawn: send \"referral\": false with a reason."),
                    RequestLanguage.of(ctx));
        }
        HouseholdConsent.Withdrawn done = consent.withdraw(user, ctx.pathParam("codeOrQr"),
                text(body, "reason", false, CONSENT_SHAPE));
        ConsentWithdrawal.Outcome outcome = done.outcome();
        ObjectNode answer = HubJson.MAPPER.createObjectNode().put("householdId",
                done.household().record().householdId().toString());
        ArrayNode withdrawn = answer.putArray("withdrawn");
        outcome.withdrawn().forEach(made -> withdrawn.addObject().put("id", made.referralId().toString())
                .put("service", made.service()).put("status", made.status().name()));
        ArrayNode kept = answer.putArray("kept");
        outcome.kept().forEach(open -> kept.addObject().put("id", open.referralId().toString())
                .put("service", open.service()).put("status", open.status().name())
                .put("basis", open.basis().wireName()));
        HubJson.answer(ctx, answer);
    }

    /** The referral after a change, as the caller sees it now, with its history. */
    private void answer(Context ctx, SignedInUser user, UUID id) {
        ReferralQueues.Detail detail = queues.find(user, id);
        ObjectNode body = ReferralJson.of(detail.view());
        body.set("history", ReferralJson.history(detail.history()));
        HubJson.answer(ctx, body);
    }

    private static JsonNode body(Context ctx, String shape) {
        byte[] body = RequestBodies.read(ctx, MAX_BODY_BYTES, HubJson.tooLarge(shape), "MALFORMED_JSON");
        JsonNode json = HubJson.parse(ctx, body, shape);
        if (!json.isObject()) {
            throw malformed(shape);
        }
        return json;
    }

    private static String text(JsonNode json, String field, boolean required, String shape) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw malformed(shape);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw malformed(shape);
        }
        return value.textValue();
    }

    private static ApiException malformed(String shape) {
        return HubJson.malformedRequest(shape);
    }

    private void list(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        ReferralQueues.Page page = queues.page(user, Optional.ofNullable(ctx.queryParam("service")),
                status(ctx.queryParam("status")), cursor(ctx.queryParam("after")), limit(ctx.queryParam("limit")));
        HubJson.answer(ctx, ReferralJson.list(page.referrals(), page.next().map(ReferralApi::cursorText)));
    }

    private void show(Context ctx) {
        ReferralQueues.Detail detail = queues.find(RouteGuard.user(ctx), id(ctx.pathParam("id")));
        ObjectNode body = ReferralJson.of(detail.view());
        body.set("history", ReferralJson.history(detail.history()));
        HubJson.answer(ctx, body);
    }

    public static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "NO_SUCH_REFERRAL", Map.of());
        }
    }

    private static Optional<ReferralStatus> status(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ReferralStatus.fromWireName(text).orElseThrow(() -> new ApiException(400,
                "UNKNOWN_STATUS", Map.of("statuses", STATUSES))));
    }

    /** Where the next page starts, as {@code next} gives it: due time in epoch milliseconds, a dot, the referral id. */
    public static String cursorText(QueueCursor next) {
        return next.dueAt().toEpochMilli() + "." + next.referralId();
    }

    /** {@code next} of the previous page (see {@link #cursorText}); the queue pages read it too. */
    public static Optional<QueueCursor> cursor(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        try {
            return Optional.of(new QueueCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, dot))),
                    UUID.fromString(text.substring(dot + 1))));
        } catch (RuntimeException e) {
            throw new ApiException(400, "INVALID_CURSOR", Map.of());
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
        throw new ApiException(400, "INVALID_LIMIT", Map.of("max", ReferralQueues.MAX_PAGE));
    }
}

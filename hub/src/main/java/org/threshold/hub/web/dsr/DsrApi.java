package org.threshold.hub.web.dsr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.threshold.hub.app.dsr.DataSubjectRequests;
import org.threshold.hub.app.dsr.HouseholdRestrictions;
import org.threshold.hub.app.dsr.HouseholdErasure;
import org.threshold.hub.app.dsr.RetentionJob;
import org.threshold.hub.app.household.HouseholdFinder;
import org.threshold.hub.app.household.HouseholdRestriction;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.RequestBodies;

/**
 * The data protection officer's data-subject requests (Bearer, DPO only): {@code GET /api/dsr/search},
 * {@code GET /api/dsr/export?token=} (JSON, or with {@code format=html} a printable page in the person's language),
 * {@code POST /api/dsr/erase}, {@code /restrict} and {@code /lift}, each {@code {"token","reason"}}, and
 * {@code POST /api/dsr/correct {"token","reason","household"}}; the retention job's dry run
 * {@code GET /api/dsr/retention} and {@code POST /api/dsr/retention/run}. See docs/api.md.
 */
public final class DsrApi {
    // A household of many members with long names in several scripts stays far below this.
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String CHANGE_SHAPE = "{\"token\",\"reason\"}";
    private static final String CORRECT_SHAPE = "{\"token\",\"reason\",\"household\":{...}}";

    private final DataSubjectRequests requests;
    private final RetentionJob retention;

    public DsrApi(DataSubjectRequests requests, RetentionJob retention) {
        this.requests = requests;
        this.retention = retention;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/dsr/search", this::search, Access.DPO);
        routes.get("/api/dsr/export", this::export, Access.DPO);
        routes.post("/api/dsr/erase", this::erase, Access.DPO);
        routes.post("/api/dsr/restrict", this::restrict, Access.DPO);
        routes.post("/api/dsr/lift", this::lift, Access.DPO);
        routes.post("/api/dsr/correct", this::correct, Access.DPO);
        routes.get("/api/dsr/retention", this::retentionPlan, Access.DPO);
        routes.post("/api/dsr/retention/run", this::retentionRun, Access.DPO);
    }

    private void search(Context ctx) {
        List<HouseholdRecord> found = requests.search(RouteGuard.user(ctx), new HouseholdFinder.Query(
                ctx.queryParam("name"), ctx.queryParam("birthDate"), ctx.queryParam("age"), ctx.queryParam("token")));
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        ArrayNode households = body.putArray("households");
        found.forEach(household -> households.add(DsrExportJson.household(household)));
        body.put("limit", DataSubjectRequests.MAX_RESULTS);
        ctx.json(body);
    }

    private void export(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("json") && !format.equals("html")) {
            // Refused before anything is read: answering JSON to a PDF request would pass for what was asked.
            throw new ApiException(400, "INVALID_FILTER", Map.of("filter", "format", "expected", "format"));
        }
        ObjectNode body = DsrExportJson.of(requests.export(RouteGuard.user(ctx), ctx.queryParam("token")));
        if ("html".equals(format)) {
            ctx.html(DsrExportPage.render(body, ctx.queryParam("lang"), ctx.header("Accept-Language")));
        } else {
            ctx.json(body);
        }
    }

    private void erase(Context ctx) {
        TokenAndReason request = tokenAndReason(ctx);
        HouseholdErasure.Erasure erasure = requests.erase(RouteGuard.user(ctx), request.token(), request.reason());
        ctx.json(HubJson.MAPPER.createObjectNode().put("householdId", erasure.householdId().toString())
                .put("erasedAt", erasure.at().toString()).put("eventsRedacted", erasure.eventsRedacted())
                .put("referralsRedacted", erasure.referralsRedacted()));
    }

    private void restrict(Context ctx) {
        TokenAndReason request = tokenAndReason(ctx);
        HouseholdRestriction restriction = requests.restrict(RouteGuard.user(ctx), request.token(), request.reason());
        ctx.json(HubJson.MAPPER.createObjectNode().put("householdId", restriction.householdId().toString())
                .put("restrictedAt", restriction.restrictedAt().toString()));
    }

    private void lift(Context ctx) {
        TokenAndReason request = tokenAndReason(ctx);
        HouseholdRestrictions.Lifted lifted = requests.lift(RouteGuard.user(ctx), request.token(), request.reason());
        ObjectNode answer = HubJson.MAPPER.createObjectNode().put("liftedAt", lifted.at().toString());
        answer.putObject("heldChanges").put("applied", lifted.held().applied()).put("held", lifted.held().held());
        ctx.json(answer);
    }

    private void correct(Context ctx) {
        JsonNode json = body(ctx, CORRECT_SHAPE);
        if (!json.isObject() || !json.path("token").isTextual() || !json.path("reason").isTextual()
                || !json.path("household").isObject()) {
            throw HubJson.malformedRequest(CORRECT_SHAPE);
        }
        Instant corrected = requests.correct(RouteGuard.user(ctx), json.get("token").textValue(),
                json.get("reason").textValue(), json.get("household"));
        ctx.json(HubJson.MAPPER.createObjectNode().put("correctedAt", corrected.toString()));
    }

    /** What the retention job would do now: its periods, cut-offs and the ids it would act on (no personal data). */
    private void retentionPlan(Context ctx) {
        RetentionJob.Plan plan = retention.plan(RouteGuard.user(ctx));
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        body.put("closedReferralsDays", plan.periods().closedReferralsDays())
                .put("inactiveHouseholdsDays", plan.periods().inactiveHouseholdsDays());
        ObjectNode referrals = body.putObject("referralsToAnonymise").put("closedBefore",
                plan.closedBefore().toString()).put("more", plan.moreReferrals());
        ArrayNode referralIds = referrals.putArray("ids");
        plan.referrals().forEach(id -> referralIds.add(id.toString()));
        ObjectNode households = body.putObject("householdsToErase").put("inactiveSince",
                plan.inactiveSince().toString()).put("more", plan.moreHouseholds());
        ArrayNode householdIds = households.putArray("ids");
        plan.households().forEach(id -> householdIds.add(id.toString()));
        ctx.json(body);
    }

    private void retentionRun(Context ctx) {
        RetentionJob.Outcome outcome = retention.runNow(RouteGuard.user(ctx));
        ctx.json(HubJson.MAPPER.createObjectNode().put("referralsAnonymised", outcome.referralsAnonymised())
                .put("householdsErased", outcome.householdsErased()));
    }

    private record TokenAndReason(String token, String reason) {
    }

    /** The body every change by token sends: {@value #CHANGE_SHAPE}. */
    private static TokenAndReason tokenAndReason(Context ctx) {
        JsonNode json = body(ctx, CHANGE_SHAPE);
        if (!json.isObject() || !json.path("token").isTextual() || !json.path("reason").isTextual()) {
            throw HubJson.malformedRequest(CHANGE_SHAPE);
        }
        return new TokenAndReason(json.get("token").textValue(), json.get("reason").textValue());
    }

    private static JsonNode body(Context ctx, String shape) {
        byte[] raw = RequestBodies.read(ctx, MAX_BODY_BYTES, HubJson.tooLarge(shape), "MALFORMED_JSON");
        return HubJson.parse(ctx, raw, shape);
    }
}

package org.threshold.hub.web.dsr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.threshold.hub.app.Refusal;
import org.threshold.core.registration.Member;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessLogEntry;
import org.threshold.hub.app.audit.AccessQuery;
import org.threshold.hub.app.audit.AuditTrail;
import org.threshold.hub.app.dsr.DataSubjectRequests;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.StoredHousehold;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.household.SearchApi;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.RequestLanguage;
import org.threshold.hub.web.pages.Frame;
import org.threshold.hub.web.pages.PageFrames;
import org.threshold.hub.web.pages.Templates;

/**
 * The data protection officer's request pages (DPO only): find a person ({@code GET /dpo/requests}), see everything
 * held on their household ({@code GET /dpo/household/{token}}), download it as JSON or print it in the person's
 * language, and correct, restrict, lift or erase it (each {@code POST /dpo/household/{token}/...} with a typed reason;
 * erasure asks to confirm first). Every read and change goes through the same {@link DataSubjectRequests} as
 * {@code /api/dsr}, so the same checks, events and access log; a refusal is shown on the page in the DPO's language.
 */
public final class DsrPages {
    static final String REQUESTS = "/dpo/requests";
    static final String HOUSEHOLD = "/dpo/household/";
    /** How many of the household's access log entries its page lists, newest first. */
    static final int ACCESS_ENTRIES = 50;
    private static final Set<String> DONE = Set.of("restricted", "lifted", "corrected");

    private final DataSubjectRequests requests;
    private final AuditTrail trail;
    private final PageFrames frames;

    public DsrPages(DataSubjectRequests requests, AuditTrail trail, PageFrames frames) {
        this.requests = requests;
        this.trail = trail;
        this.frames = frames;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get(REQUESTS, this::find, Access.DPO);
        routes.get(HOUSEHOLD + "{token}", ctx -> household(ctx, null, null), Access.DPO);
        routes.get(HOUSEHOLD + "{token}/export.json", this::exportJson, Access.DPO);
        routes.get(HOUSEHOLD + "{token}/export", this::exportPrintable, Access.DPO);
        routes.post(HOUSEHOLD + "{token}/restrict", ctx -> change(ctx, "restricted",
                (dpo, token, reason) -> requests.restrict(dpo, token, reason)), Access.DPO);
        routes.post(HOUSEHOLD + "{token}/lift", ctx -> change(ctx, "lifted",
                (dpo, token, reason) -> requests.lift(dpo, token, reason)), Access.DPO);
        routes.post(HOUSEHOLD + "{token}/correct", this::correct, Access.DPO);
        routes.post(HOUSEHOLD + "{token}/erase", this::erase, Access.DPO);
    }

    /** One household found: its card code (the link to its page), where and when it was registered, who is in it. */
    public record Found(String token, String site, String registeredOn, List<String> people) {
    }

    private void find(Context ctx) {
        Frame frame = frames.signedIn(ctx, "dpo.requests.title");
        var query = SearchApi.query(ctx);
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame, "query", query,
                "erased", "erased".equals(ctx.queryParam("done"))));
        boolean asked = ctx.queryParamMap().keySet().stream().anyMatch(List.of("name", "birthDate", "age",
                "token")::contains);
        if (asked) {
            try {
                params.put("found", requests.search(RouteGuard.user(ctx), query).stream().map(DsrPages::found)
                        .toList());
            } catch (Refusal refusal) {
                problem(ctx, params, refusal);
            }
        }
        Templates.render(ctx, "dpo/requests.jte", params);
    }

    /**
     * The household's page: everything held (as the export has it), its restriction, the access log about it and the
     * forms. {@code problem} is a refused change's reason; {@code draft} the correction the DPO sent, kept to fix.
     */
    private void household(Context ctx, String problem, String draft) {
        Frame frame = frames.signedIn(ctx, "dpo.household.title");
        String token = ctx.pathParam("token");
        DataSubjectRequests.Export export = requests.export(RouteGuard.user(ctx), token);
        ObjectNode json = DsrExportJson.of(export);
        List<AccessLogEntry> accesses = trail.search(new AccessQuery(null, null, null, null, null,
                export.household().householdId(), null, ACCESS_ENTRIES)).entries();
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame, "token",
                export.household().tokenId().shortCode(), "rows", DsrExportPage.rows(json, frame.ui()),
                "accesses", accesses, "draft", draft != null ? draft : pretty(json.get("household"))));
        export.restriction().ifPresent(restriction -> params.put("restricted", frame.text("dpo.household.restricted",
                Map.of("at", restriction.restrictedAt().toString(), "by", restriction.restrictedBy(),
                        "reason", restriction.reason()))));
        String done = ctx.queryParam("done");
        if (problem == null && done != null && DONE.contains(done)) {
            params.put("done", frame.text("dpo.done." + done));
        }
        if (problem != null) {
            params.put("problem", problem);
        }
        Templates.render(ctx, "dpo/household.jte", params);
    }

    private void exportJson(Context ctx) {
        ObjectNode body = DsrExportJson.of(requests.export(RouteGuard.user(ctx), ctx.pathParam("token")));
        // A file to hand over, named by nothing personal.
        ctx.header("Content-Disposition", "attachment; filename=\"threshold-export-" + body.get("householdId")
                .asText() + ".json\"");
        ctx.json(body);
    }

    private void exportPrintable(Context ctx) {
        ObjectNode body = DsrExportJson.of(requests.export(RouteGuard.user(ctx), ctx.pathParam("token")));
        ctx.html(DsrExportPage.render(body, ctx.queryParam("lang"), ctx.header("Accept-Language")));
    }

    @FunctionalInterface
    private interface Change {
        void apply(SignedInUser dpo, String token, String reason);
    }

    /** Makes the change, then shows the household as it now stands (303), or its page with the refusal. */
    private void change(Context ctx, String done, Change change) {
        String token = ctx.pathParam("token");
        try {
            change.apply(RouteGuard.user(ctx), token, ctx.formParam("reason"));
            ctx.redirect(HOUSEHOLD + encoded(token) + "?done=" + done, HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            refused(ctx, refusal);
        }
    }

    private void correct(Context ctx) {
        String text = ctx.formParam("household");
        JsonNode household;
        try {
            household = text == null ? null : HubJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            household = null;
        }
        if (household == null || !household.isObject()) {
            ctx.status(400);
            household(ctx, frames.signedIn(ctx, "dpo.household.title").text("dpo.correct.malformed"), text);
            return;
        }
        JsonNode corrected = household;
        change(ctx, "corrected", (dpo, token, reason) -> requests.correct(dpo, token, reason, corrected));
    }

    /**
     * Without {@code confirm=yes}, asks to confirm (nothing is erased yet, the reason is checked then); with it,
     * erases and returns to the search with that said.
     */
    private void erase(Context ctx) {
        String token = ctx.pathParam("token");
        String reason = ctx.formParam("reason");
        try {
            // A blank reason goes straight to the erasure, which refuses it before anything else: no confirm step.
            if (!"yes".equals(ctx.formParam("confirm")) && reason != null && !reason.isBlank()) {
                Frame frame = frames.signedIn(ctx, "dpo.erase.confirmTitle");
                Templates.render(ctx, "dpo/erase.jte", Map.of("frame", frame, "token", token,
                        "reason", reason == null ? "" : reason));
                return;
            }
            requests.erase(RouteGuard.user(ctx), token, reason);
            ctx.redirect(REQUESTS + "?done=erased", HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            refused(ctx, refusal);
        }
    }

    /** A refused change: the household's page with the reason, or the error page if the household is gone. */
    private void refused(Context ctx, Refusal refusal) {
        ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
        ctx.status(e.status());
        if (e.status() == 404 || e.status() == 410) {
            throw refusal;
        }
        // A correction refused keeps what the DPO typed, to fix.
        household(ctx, e.getMessage(), ctx.formParam("household"));
    }

    private static void problem(Context ctx, Map<String, Object> params, Refusal refusal) {
        ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
        ctx.status(e.status());
        params.put("problem", e.getMessage());
    }

    private static Found found(HouseholdRecord record) {
        List<String> people = new ArrayList<>();
        for (Member member : StoredHousehold.read(record).members()) {
            people.add((member.givenName() + " " + Objects.requireNonNullElse(member.familyName(), "")).strip());
        }
        return new Found(record.tokenId().shortCode(), record.site(), record.tokenIssuedOn().toString(), people);
    }

    private static String pretty(JsonNode household) {
        try {
            return HubJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(household);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A household read as JSON no longer writes", e);
        }
    }

    private static String encoded(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}

package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.duplicate.DuplicatePair;
import org.threshold.hub.app.duplicate.DuplicateStatus;
import org.threshold.hub.app.duplicate.Duplicates;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.duplicate.DuplicatesApi;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;

/**
 * The supervisors' duplicate queue ({@code GET /duplicates?status=}) and one pair ({@code GET /duplicates/{id}}) with
 * its decisions as forms; every read and decision goes through the same {@link Duplicates} as
 * {@code /api/duplicates}, so the same policy, access log and hub events.
 */
public final class DuplicatePages {
    private static final Access[] DECIDERS = {Access.SUPERVISOR, Access.PROTECTION_OFFICER};

    private final Duplicates duplicates;
    private final NeedsCatalogue catalogue;
    private final PageFrames frames;

    public DuplicatePages(Duplicates duplicates, NeedsCatalogue catalogue, PageFrames frames) {
        this.duplicates = duplicates;
        this.catalogue = catalogue;
        this.frames = frames;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/duplicates", this::list, DECIDERS);
        routes.get("/duplicates/{id}", ctx -> show(ctx, null), DECIDERS);
        routes.post("/duplicates/{id}/dismiss", ctx -> act(ctx, duplicates::dismiss), DECIDERS);
        routes.post("/duplicates/{id}/merge", ctx -> act(ctx, (user, id) -> duplicates.merge(user, id,
                household(ctx.formParam("survivor")), household(ctx.formParam("merged")))), DECIDERS);
        routes.post("/duplicates/{id}/unmerge", ctx -> act(ctx, duplicates::unmerge), DECIDERS);
    }

    /** One line of the queue: nobody named, only what the rule found and when. */
    public record Row(String id, String foundAt, int score, String reasons, String status) {
    }

    /** One household of a pair as the page shows it; {@code members} is null if it was erased. */
    public record Side(String householdId, String token, String site, String kioskId, String registeredOn,
                       String mergedInto, List<LookupPage.Member> members) {
    }

    private void list(Context ctx) {
        Frame frame = frames.signedIn(ctx, "duplicates.title");
        DuplicateStatus status = DuplicatesApi.status(ctx.queryParam("status"));
        List<Row> rows = duplicates.list(RouteGuard.user(ctx), status, Duplicates.MAX_LIST).stream()
                .map(pair -> row(frame, pair)).toList();
        Templates.render(ctx, "duplicates/list.jte", Map.of("frame", frame, "status", status.name(), "rows", rows));
    }

    private void show(Context ctx, String problem) {
        Frame frame = frames.signedIn(ctx, "duplicates.pair");
        Duplicates.PairView view = duplicates.show(RouteGuard.user(ctx), DuplicatesApi.id(ctx.pathParam("id")));
        LookupPage people = new LookupPage(catalogue, frame);
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame, "pair", row(frame, view.pair()),
                "a", side(people, view.a()), "b", side(people, view.b()),
                "open", view.pair().status() == DuplicateStatus.OPEN,
                "merged", view.pair().status() == DuplicateStatus.MERGED));
        if (problem != null) {
            params.put("problem", problem);
        }
        Templates.render(ctx, "duplicates/pair.jte", params);
    }

    /** Does the decision, then shows the pair as it now stands (303), or the same page with the refusal's reason. */
    private void act(Context ctx, BiConsumer<SignedInUser, UUID> decision) {
        UUID id = DuplicatesApi.id(ctx.pathParam("id"));
        try {
            decision.accept(RouteGuard.user(ctx), id);
            ctx.redirect("/duplicates/" + id, HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
            ctx.status(e.status());
            show(ctx, e.getMessage());
        }
    }

    private Row row(Frame frame, DuplicatePair pair) {
        String reasons = String.join(", ", pair.reasons().stream().map(Enum::name).sorted()
                .map(reason -> frame.text("duplicates.reason." + reason)).toList());
        return new Row(pair.pairId().toString(), new QueueRows(frame).time(pair.foundAt()), pair.score(), reasons,
                frame.text("duplicates.status." + pair.status().name()));
    }

    private static Side side(LookupPage people, Duplicates.Side side) {
        String mergedInto = side.mergedInto().map(UUID::toString).orElse(null);
        if (side.people() == null) {
            return new Side(side.householdId().toString(), null, null, null, null, mergedInto, null);
        }
        return new Side(side.householdId().toString(), side.record().tokenId().shortCode(), side.record().site(),
                side.record().kioskId(), side.record().tokenIssuedOn().toString(), mergedInto,
                people.members(side.people().people()));
    }

    /** A household id the form sent; a tampered one is refused as the API refuses it. */
    private static UUID household(String text) {
        try {
            return UUID.fromString(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, "MALFORMED_MERGE", "Send the ids of the household that stays "
                    + "and of the one merged into it.", Map.of("shape", "survivor, merged"));
        }
    }
}

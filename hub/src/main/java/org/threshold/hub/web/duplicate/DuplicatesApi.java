package org.threshold.hub.web.duplicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.duplicate.DuplicatePair;
import org.threshold.hub.app.duplicate.DuplicateStatus;
import org.threshold.hub.app.duplicate.Duplicates;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.household.HouseholdViewJson;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.RequestBodies;

/**
 * The potential duplicates (Bearer; supervisors and protection officers): {@code GET /api/duplicates?status=&limit=}
 * (ids, scores and reasons; nobody named), {@code GET /api/duplicates/{id}} (the pair with who the people are, each
 * household read logged), and the decisions {@code POST /api/duplicates/{id}/dismiss}, {@code .../merge
 * {"survivor","merged"}} and {@code .../unmerge}, each answering with the pair as it now stands. See docs/api.md.
 */
public final class DuplicatesApi {
    private static final int MAX_BODY_BYTES = 4 * 1024;
    static final String MERGE_SHAPE = "{\"survivor\",\"merged\"}";
    private static final Access[] DECIDERS = {Access.SUPERVISOR, Access.PROTECTION_OFFICER};

    private final Duplicates duplicates;

    public DuplicatesApi(Duplicates duplicates) {
        this.duplicates = duplicates;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/duplicates", this::list, DECIDERS);
        routes.get("/api/duplicates/{id}", this::show, DECIDERS);
        routes.post("/api/duplicates/{id}/dismiss", ctx -> ctx.json(pair(duplicates.dismiss(RouteGuard.user(ctx),
                id(ctx.pathParam("id"))))), DECIDERS);
        routes.post("/api/duplicates/{id}/merge", this::merge, DECIDERS);
        routes.post("/api/duplicates/{id}/unmerge", ctx -> ctx.json(pair(duplicates.unmerge(RouteGuard.user(ctx),
                id(ctx.pathParam("id"))))), DECIDERS);
    }

    private void list(Context ctx) {
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        ArrayNode pairs = body.putArray("duplicates");
        duplicates.list(RouteGuard.user(ctx), status(ctx.queryParam("status")), limit(ctx.queryParam("limit")))
                .forEach(pair -> pairs.add(pair(pair)));
        ctx.json(body);
    }

    private void show(Context ctx) {
        Duplicates.PairView view = duplicates.show(RouteGuard.user(ctx), id(ctx.pathParam("id")));
        ObjectNode body = pair(view.pair());
        ArrayNode households = body.putArray("households");
        households.add(side(view.a()));
        households.add(side(view.b()));
        ctx.json(body);
    }

    private void merge(Context ctx) {
        UUID id = id(ctx.pathParam("id"));
        byte[] raw = RequestBodies.read(ctx, MAX_BODY_BYTES, HubJson.tooLarge(MERGE_SHAPE), "MALFORMED_JSON");
        JsonNode json = HubJson.parse(ctx, raw, MERGE_SHAPE);
        ctx.json(pair(duplicates.merge(RouteGuard.user(ctx), id, household(json, "survivor"),
                household(json, "merged"))));
    }

    /** A pair as the list shows it: ids, score, reasons, status and when; never a name. */
    public static ObjectNode pair(DuplicatePair pair) {
        ObjectNode json = HubJson.MAPPER.createObjectNode();
        json.put("id", pair.pairId().toString());
        json.put("householdA", pair.householdA().toString());
        json.put("householdB", pair.householdB().toString());
        json.put("score", pair.score());
        ArrayNode reasons = json.putArray("reasons");
        pair.reasons().stream().map(Enum::name).sorted().forEach(reasons::add);
        json.put("status", pair.status().name());
        json.put("foundAt", pair.foundAt().toString());
        if (pair.decidedAt() != null) {
            json.put("decidedAt", pair.decidedAt().toString());
            json.put("decidedBy", pair.decidedBy());
        }
        return json;
    }

    private static ObjectNode side(Duplicates.Side side) {
        ObjectNode json = HubJson.MAPPER.createObjectNode();
        json.put("householdId", side.householdId().toString());
        side.mergedInto().ifPresent(survivor -> json.put("mergedInto", survivor.toString()));
        json.put("erased", side.people() == null);
        if (side.people() != null) {
            json.put("site", side.record().site());
            json.put("kioskId", side.record().kioskId());
            json.put("registeredAt", side.record().registeredAt().toString());
            json.put("token", side.record().tokenId().shortCode());
            ObjectNode household = json.putObject("household");
            household.setAll(HouseholdViewJson.householdFields(side.people()));
            ArrayNode members = household.putArray("members");
            side.people().people().forEach(person -> members.add(HouseholdViewJson.person(person)));
        }
        return json;
    }

    /** A pair's id; anything else names no pair. */
    public static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "NO_SUCH_DUPLICATE", "There is no such potential duplicate. "
                    + "Reload the list.");
        }
    }

    private static UUID household(JsonNode json, String field) {
        JsonNode value = json.path(field);
        try {
            return UUID.fromString(value.isTextual() ? value.textValue() : "");
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, "MALFORMED_MERGE", "Send the ids of the household that stays and "
                    + "of the one merged into it: " + MERGE_SHAPE + ".", Map.of("shape", MERGE_SHAPE));
        }
    }

    /** {@code OPEN} when not given. */
    public static DuplicateStatus status(String text) {
        if (text == null || text.isEmpty()) {
            return DuplicateStatus.OPEN;
        }
        return DuplicateStatus.fromName(text).orElseThrow(() -> new Refusal(Refusal.Kind.INVALID,
                "UNKNOWN_DUPLICATE_STATUS", "A duplicate's status is OPEN, NOT_DUPLICATE or MERGED."));
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return Duplicates.MAX_LIST;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw new Refusal(Refusal.Kind.INVALID, "INVALID_DUPLICATE_LIMIT", "limit is a whole number from 1 to "
                + Duplicates.MAX_LIST + ".", Map.of("max", Duplicates.MAX_LIST));
    }
}

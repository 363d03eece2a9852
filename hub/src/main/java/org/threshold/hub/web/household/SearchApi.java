package org.threshold.hub.web.household;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.HouseholdFinder;
import org.threshold.hub.app.household.HouseholdSearch;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.HubJson;

/**
 * {@code GET /api/search?name=&birthDate=&age=&token=} (Bearer; caseworkers, supervisors, protection officers): the
 * households matching every part given, each as {@code GET /api/tokens/...} would show it to the caller, at most
 * {@link HouseholdSearch#MAX_RESULTS}, within the account's {@link ReadLimit} like a token lookup.
 */
public final class SearchApi {
    private final HouseholdSearch search;
    private final ReadLimit reads;

    public SearchApi(HouseholdSearch search, ReadLimit reads) {
        this.search = search;
        this.reads = reads;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/search", this::search, Access.HOUSEHOLD_READERS);
    }

    /** The query's four fields as typed, from a request's query string or form. */
    public static HouseholdFinder.Query query(Context ctx) {
        return new HouseholdFinder.Query(ctx.queryParam("name"), ctx.queryParam("birthDate"), ctx.queryParam("age"),
                ctx.queryParam("token"));
    }

    private void search(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        reads.admit(user.username());
        HouseholdSearch.Results results = search.search(user, query(ctx));
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        ArrayNode households = body.putArray("households");
        results.households().forEach(view -> households.add(HouseholdViewJson.of(view)));
        body.put("more", results.more());
        body.put("limit", HouseholdSearch.MAX_RESULTS);
        ctx.json(body);
    }
}

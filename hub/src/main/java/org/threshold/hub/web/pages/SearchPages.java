package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.HouseholdFinder;
import org.threshold.hub.app.household.HouseholdSearch;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.household.SearchApi;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;

/**
 * The search page ({@code GET /search?name=&birthDate=&age=&token=}): the same {@link HouseholdSearch} as
 * {@code GET /api/search}, so the same policy, access log and read limit; each household found as the scan page shows
 * it, with a link to open it by its token.
 */
public final class SearchPages {
    private final HouseholdSearch search;
    private final NeedsCatalogue catalogue;
    private final PageFrames frames;
    private final ReadLimit reads;

    public SearchPages(HouseholdSearch search, NeedsCatalogue catalogue, PageFrames frames, ReadLimit reads) {
        this.search = search;
        this.catalogue = catalogue;
        this.frames = frames;
        this.reads = reads;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/search", this::page, Access.HOUSEHOLD_READERS);
    }

    /** One household found: its token and where it was registered, and the people the policy lets through. */
    public record Found(String token, String site, String registeredOn, List<LookupPage.Member> members) {
    }

    private void page(Context ctx) {
        Frame frame = frames.signedIn(ctx, "search.title");
        HouseholdFinder.Query query = SearchApi.query(ctx);
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame, "query", query));
        boolean asked = ctx.queryParamMap().keySet().stream().anyMatch(List.of("name", "birthDate", "age",
                "token")::contains);
        if (asked) {
            SignedInUser user = RouteGuard.user(ctx);
            reads.admit(user.username());
            try {
                HouseholdSearch.Results results = search.search(user, query);
                LookupPage rows = new LookupPage(catalogue, frame);
                params.put("found", results.households().stream().map(view -> new Found(
                        view.record().tokenId().shortCode(), view.record().site(),
                        view.record().tokenIssuedOn().toString(), rows.members(view))).toList());
                params.put("more", results.more());
            } catch (Refusal refusal) {
                ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
                ctx.status(e.status());
                params.put("problem", e.getMessage());
            }
        }
        Templates.render(ctx, "search.jte", params);
    }
}

package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.threshold.core.i18n.Messages;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.access.GlassBreakGrants;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.GlassBreaks;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;
import org.threshold.hub.web.pages.Frame.Banner;

/**
 * Break the glass on the pages: the lookup page's form posts to {@code POST /lookup/glass-break} (PROTECTION_OFFICER),
 * which answers with the household as the grant opens it; and while any grant of the user's runs, every page carries
 * the banner {@link #banners} makes (wired through {@link PageFrames#addBanners}).
 */
public final class GlassBreakPages {
    private final GlassBreaks glassBreaks;
    private final GlassBreakGrants grants;
    private final NeedsCatalogue catalogue;
    private final PageFrames frames;
    private final ReadLimit reads;

    public GlassBreakPages(GlassBreaks glassBreaks, GlassBreakGrants grants, NeedsCatalogue catalogue,
                           PageFrames frames, ReadLimit reads) {
        this.glassBreaks = glassBreaks;
        this.grants = grants;
        this.catalogue = catalogue;
        this.frames = frames;
        this.reads = reads;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/lookup/glass-break", this::open, Access.PROTECTION_OFFICER);
    }

    /**
     * The mark of a running grant, for every page of its officer: which household, and until when. Only a protection
     * officer's grant opens anything ({@code AccessPolicy}), so only their pages read for one: a caseworker's queue
     * page does not pay a read for a mark it can never carry.
     */
    public List<Banner> banners(SignedInUser user, Messages ui) {
        if (user.role() != Role.PROTECTION_OFFICER) {
            return List.of();
        }
        return grants.anyActive(user).map(grant -> List.of(new Banner(ui.format("glass.banner", Map.of("until",
                grant.until().toString(), "household", grant.householdId().toString())), true))).orElse(List.of());
    }

    private void open(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        String token = ctx.formParam("token");
        reads.admit(user.username()); // over the limit: the error page, with Retry-After
        try {
            var view = glassBreaks.open(user, token, ctx.formParam("reason"));
            // The frame after the grant, so this page already carries its banner.
            new LookupPage(catalogue, frames.signedIn(ctx, "lookup.title")).result(ctx, token, view);
        } catch (Refusal refusal) {
            ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
            ctx.status(e.status());
            new LookupPage(catalogue, frames.signedIn(ctx, "lookup.title")).problem(ctx, token == null ? "" : token,
                    e.getMessage(), List.of());
        }
    }
}

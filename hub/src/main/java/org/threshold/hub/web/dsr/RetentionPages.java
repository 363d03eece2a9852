package org.threshold.hub.web.dsr;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.threshold.hub.app.dsr.RetentionJob;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.pages.Frame;
import org.threshold.hub.web.pages.PageFrames;
import org.threshold.hub.web.pages.Templates;

/**
 * The DPO's retention page: what the retention job would do now ({@code GET /dpo/retention}, the same dry run as
 * {@code GET /api/dsr/retention}) and a button that runs it ({@code POST /dpo/retention/run}), answered with what it
 * did and the dry run after it. Both go to the access log through {@link RetentionJob}.
 */
public final class RetentionPages {
    private final RetentionJob retention;
    private final PageFrames frames;

    public RetentionPages(RetentionJob retention, PageFrames frames) {
        this.retention = retention;
        this.frames = frames;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/dpo/retention", ctx -> page(ctx, null), Access.DPO);
        routes.post("/dpo/retention/run", ctx -> {
            RetentionJob.Outcome outcome = retention.runNow(RouteGuard.user(ctx));
            page(ctx, outcome);
        }, Access.DPO);
    }

    /** One kind of record the job acts on: what it does to them, and the first ids ({@code more}: there are others). */
    public record Part(String id, String caption, List<String> ids, boolean more) {
    }

    private void page(Context ctx, RetentionJob.Outcome outcome) {
        Frame frame = frames.signedIn(ctx, "dpo.retention.title");
        RetentionJob.Plan plan = retention.plan(RouteGuard.user(ctx));
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame,
                "periods", frame.text("dpo.retention.periods", Map.of("referralsDays",
                        plan.periods().closedReferralsDays(), "householdsDays",
                        plan.periods().inactiveHouseholdsDays())),
                "parts", List.of(
                        new Part("referrals", frame.text("dpo.retention.referrals", Map.of("before",
                                plan.closedBefore().toString())), ids(plan.referrals()), plan.moreReferrals()),
                        new Part("households", frame.text("dpo.retention.households", Map.of("since",
                                plan.inactiveSince().toString())), ids(plan.households()), plan.moreHouseholds()))));
        if (outcome != null) {
            params.put("ran", frame.text("dpo.retention.ran", Map.of("referrals", outcome.referralsAnonymised(),
                    "households", outcome.householdsErased())));
        }
        Templates.render(ctx, "dpo/retention.jte", params);
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}

package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.app.referral.HouseholdConsent;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;

/**
 * A household's consent to referral withdrawn at the hub from the scan page ({@code POST /lookup/consent}, form
 * {@code token} and {@code reason}; PROTECTION_OFFICER), through the same {@link HouseholdConsent} as
 * {@code POST /api/households/{token}/consent}. It answers with the household's page saying which referrals were
 * withdrawn and which stay open; their queues redraw through their event streams. A refusal is shown on the page in
 * the user's language, and nothing is withdrawn.
 */
public final class ConsentPages {
    private final HouseholdConsent consent;
    private final NeedsCatalogue catalogue;
    private final PageFrames frames;
    private final ReadLimit reads;

    public ConsentPages(HouseholdConsent consent, NeedsCatalogue catalogue, PageFrames frames, ReadLimit reads) {
        this.consent = consent;
        this.catalogue = catalogue;
        this.frames = frames;
        this.reads = reads;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/lookup/consent", this::withdraw, Access.PROTECTION_OFFICER);
    }

    private void withdraw(Context ctx) {
        SignedInUser user = RouteGuard.user(ctx);
        String token = ctx.formParam("token") == null ? "" : ctx.formParam("token");
        // It shows the household: a read like any lookup, under the same limit (over it: the error page).
        reads.admit(user.username());
        Frame frame = frames.signedIn(ctx, "lookup.title");
        LookupPage page = new LookupPage(catalogue, frame);
        try {
            HouseholdConsent.Withdrawn done = consent.withdraw(user, token, ctx.formParam("reason"));
            QueueRows words = new QueueRows(frame);
            page.result(ctx, token, done.household(), frame.text("consent.done", Map.of(
                    "withdrawn", services(frame, words, done.outcome().withdrawn()),
                    "kept", services(frame, words, done.outcome().kept()))));
        } catch (Refusal refusal) {
            ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
            ctx.status(e.status());
            page.problem(ctx, token, e.getMessage(), List.of());
        }
    }

    /** The referrals' services in the user's language, or "none". */
    private static String services(Frame frame, QueueRows words, List<ReferralRecord> referrals) {
        return referrals.isEmpty() ? frame.text("consent.none") : String.join(", ", referrals.stream()
                .map(referral -> words.service(referral.service())).toList());
    }
}

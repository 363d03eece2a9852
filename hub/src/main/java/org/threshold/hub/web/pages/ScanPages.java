package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.ReadLimit;
import org.threshold.hub.app.household.TokenLookup;
import org.threshold.hub.app.household.TypoHints;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;

/**
 * Scanning a token card ({@code GET /scan?token=}, also at its older address {@code /lookup}): what a keyboard-wedge
 * scanner or a person typed, or ({@code POST /scan/photo}) a phone photo of the card read on the hub. Every way goes
 * through the same {@link TokenLookup} as {@code GET /api/tokens/...}, so the same policy, access log and read limit;
 * a mistyped code gets the codes one typo away that the user could open.
 */
public final class ScanPages {
    private final TokenLookup lookup;
    private final TypoHints hints;
    private final NeedsCatalogue catalogue;
    private final PageFrames frames;
    private final ReadLimit reads;

    public ScanPages(TokenLookup lookup, TypoHints hints, NeedsCatalogue catalogue, PageFrames frames,
                     ReadLimit reads) {
        this.lookup = lookup;
        this.hints = hints;
        this.catalogue = catalogue;
        this.frames = frames;
        this.reads = reads;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/scan", this::scan, Access.HOUSEHOLD_READERS);
        routes.get("/lookup", this::scan, Access.HOUSEHOLD_READERS);
        routes.post("/scan/photo", this::photo, Access.HOUSEHOLD_READERS);
    }

    private void scan(Context ctx) {
        String token = ctx.queryParam("token");
        if (token == null || token.isBlank()) {
            page(ctx).form(ctx, "");
            return;
        }
        lookUp(ctx, token, token);
    }

    private void photo(Context ctx) {
        String payload;
        try {
            payload = CardPhoto.read(ctx);
        } catch (Refusal refusal) {
            problem(ctx, "", refusal, List.of());
            return;
        }
        lookUp(ctx, payload, "");
    }

    /** @param typed what to show in the field again: what was typed, or nothing after a photo */
    private void lookUp(Context ctx, String codeOrQr, String typed) {
        SignedInUser user = RouteGuard.user(ctx);
        reads.admit(user.username()); // over the limit: the error page, with Retry-After
        try {
            page(ctx).result(ctx, typed, lookup.find(codeOrQr, user));
        } catch (Refusal refusal) {
            boolean typo = InvalidTokenException.Reason.CHECK_MISMATCH.name().equals(refusal.reason());
            problem(ctx, typed, refusal, typo ? hints.near(codeOrQr, user) : List.of());
        }
    }

    private void problem(Context ctx, String typed, Refusal refusal, List<String> near) {
        ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
        ctx.status(e.status());
        page(ctx).problem(ctx, typed, e.getMessage(), near);
    }

    private LookupPage page(Context ctx) {
        return new LookupPage(catalogue, frames.signedIn(ctx, "lookup.title"));
    }
}

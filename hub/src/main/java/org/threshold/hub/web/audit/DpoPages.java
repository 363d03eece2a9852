package org.threshold.hub.web.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.threshold.hub.app.access.GlassBreak;
import org.threshold.hub.app.audit.AccessLogVerifier;
import org.threshold.hub.app.audit.AuditTrail;
import org.threshold.hub.app.audit.ChainState;
import org.threshold.hub.app.household.GlassBreaks;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;
import org.threshold.hub.web.pages.Frame;
import org.threshold.hub.web.pages.PageFrames;
import org.threshold.hub.web.pages.Templates;

/**
 * The DPO's pages: the access log ({@code GET /dpo/audit}, the API's filters as a form, a page of records with a link
 * to the next, and a button that walks the hash chain, {@code POST /dpo/audit/verify}, answered with the same page and
 * the chain's state) and the glass-breaks ({@code GET /dpo/glass-breaks}). Same services as {@link AuditApi}; a
 * filter that does not parse is shown on the page.
 */
public final class DpoPages {
    static final String AUDIT = "/dpo/audit";
    static final String GLASS_BREAKS = "/dpo/glass-breaks";
    private static final List<String> FILTERS = List.of("account", "action", "outcome", "household", "from", "to");

    private final AuditTrail trail;
    private final AccessLogVerifier verifier;
    private final GlassBreaks glassBreaks;
    private final PageFrames frames;
    private final Clock clock;

    public DpoPages(AuditTrail trail, AccessLogVerifier verifier, GlassBreaks glassBreaks, PageFrames frames,
                    Clock clock) {
        this.trail = trail;
        this.verifier = verifier;
        this.glassBreaks = glassBreaks;
        this.frames = frames;
        this.clock = clock;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get(AUDIT, ctx -> audit(ctx, null), Access.DPO);
        routes.post(AUDIT + "/verify", ctx -> audit(ctx, verifier.verify()), Access.DPO);
        routes.get(GLASS_BREAKS, this::glassBreaks, Access.DPO);
    }

    /** One glass-break as the list shows it. */
    public record GlassBreakRow(GlassBreak grant, boolean active) {
    }

    /** @param chain the chain's state when the DPO asked for a walk of it, else null */
    private void audit(Context ctx, ChainState chain) {
        Frame frame = frames.signedIn(ctx, "audit.title");
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(name -> {
            String value = AuditFilters.text(ctx, name);
            if (value != null) {
                filters.put(name, value);
            }
        });
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame, "filters", filters,
                "verifyHref", query(AUDIT + "/verify", filters)));
        if (chain != null) {
            params.put("chainIntact", chain.intact());
            params.put("chain", chain.firstBreak()
                    .map(broken -> frame.text("audit.chainBroken", Map.of("seq", broken.seq(),
                            "problem", broken.problem().name())))
                    .orElseGet(() -> frame.text("audit.chainIntact", Map.of("checked", chain.checked(),
                            "unchained", chain.unchained()))));
        }
        try {
            AuditTrail.Page page = trail.search(AuditFilters.query(ctx));
            params.put("entries", page.entries());
            if (page.next() != null) {
                params.put("nextHref", href(AUDIT, filters, page.next()));
            }
        } catch (ApiException invalid) {
            ctx.status(invalid.status());
            params.put("problem", invalid.in(RequestLanguage.of(ctx)).getMessage());
        }
        Templates.render(ctx, "dpo/audit.jte", params);
    }

    private void glassBreaks(Context ctx) {
        Frame frame = frames.signedIn(ctx, "glassBreaks.title");
        int limit = Math.min(AuditFilters.DEFAULT_PAGE, GlassBreaks.MAX_PAGE);
        List<GlassBreak> grants = glassBreaks.list(AuditFilters.text(ctx, "account"),
                AuditFilters.number(ctx, "before"), limit);
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame,
                "rows", grants.stream().map(grant -> new GlassBreakRow(grant, grant.activeAt(now))).toList()));
        if (grants.size() == limit) {
            Map<String, String> account = new LinkedHashMap<>();
            String name = AuditFilters.text(ctx, "account");
            if (name != null) {
                account.put("account", name);
            }
            params.put("nextHref", href(GLASS_BREAKS, account, grants.get(grants.size() - 1).id()));
        }
        Templates.render(ctx, "dpo/glass-breaks.jte", params);
    }

    private static String href(String path, Map<String, String> filters, long before) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("before", Long.toString(before));
        return query(path, query);
    }

    private static String query(String path, Map<String, String> parameters) {
        return parameters.isEmpty() ? path : path + "?" + parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

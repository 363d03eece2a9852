package org.threshold.hub.web.report;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.threshold.core.i18n.Messages;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.report.ReportSet;
import org.threshold.hub.app.report.Reports;
import org.threshold.hub.web.access.RouteGuard;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.RequestLanguage;
import org.threshold.hub.web.pages.Frame;
import org.threshold.hub.web.pages.PageFrames;
import org.threshold.hub.web.pages.Templates;

/**
 * The coordinators' reports page ({@code GET /reports?from=&to=&site=}, the same roles as the exports): each figure
 * as a server-drawn chart beside its table, the filters as a GET form (so a filtered view is a link), and links to
 * the same reports as CSV and JSON. A window that does not parse is explained on the page, in the user's language.
 */
public final class ReportPages {
    static final String PATH = "/reports";
    private static final String[] FILTERS = {"from", "to", "site"};

    private final Reports reports;
    private final PageFrames frames;

    public ReportPages(Reports reports, PageFrames frames) {
        this.reports = reports;
        this.frames = frames;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get(PATH, this::page, ReportsApi.READERS);
    }

    private void page(Context ctx) {
        Frame frame = frames.signedIn(ctx, "reports.title");
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = ctx.queryParam(name);
            filters.put(name, value == null ? "" : value);
        }
        Map<String, Object> params = new HashMap<>(Map.of("frame", frame, "filters", filters));
        try {
            ReportSet set = reports.all(RouteGuard.user(ctx), filters.get("from"), filters.get("to"),
                    filters.get("site"));
            params.put("set", set);
            params.put("figures", ReportFigures.of(set, PageFrames.ui(ctx),
                    Messages.of(Messages.CATALOGUE, RequestLanguage.of(ctx))));
            params.put("query", query(set));
        } catch (Refusal refusal) {
            ApiException e = ApiException.of(refusal, RequestLanguage.of(ctx));
            ctx.status(e.status());
            params.put("problem", e.getMessage());
        }
        Templates.render(ctx, "reports/reports.jte", params);
    }

    /** The window as the exports' query string, so each link gives exactly what the page shows. */
    private static String query(ReportSet set) {
        StringBuilder query = new StringBuilder("?from=").append(set.window().from()).append("&to=")
                .append(set.window().to());
        set.window().site().ifPresent(site -> query.append("&site=")
                .append(URLEncoder.encode(site, StandardCharsets.UTF_8)));
        return query.toString();
    }
}

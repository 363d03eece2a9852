package org.threshold.hub.web.report;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threshold.hub.app.report.ReportTable;
import org.threshold.hub.app.report.Reports;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.access.RouteGuard;

/**
 * {@code GET /api/reports/{name}.csv} and {@code .json} (Bearer), with {@code ?from=&to=&site=}: a report after
 * small-cell suppression, for coordinators. The CSV's second row holds each column's HXL hashtag; a suppressed
 * count is an empty field in the CSV and null in the JSON.
 */
public final class ReportsApi {
    /** Who reads reports: coordinators, not caseworkers. */
    public static final Access[] READERS = {Access.SUPERVISOR, Access.PROTECTION_OFFICER, Access.DPO, Access.ADMIN};

    private final Reports reports;

    public ReportsApi(Reports reports) {
        this.reports = reports;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/reports/{file}", this::export, READERS);
    }

    private void export(Context ctx) {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        String name = dot < 0 ? file : file.substring(0, dot);
        String format = dot < 0 ? "" : file.substring(dot + 1);
        ReportTable table = reports.export(RouteGuard.user(ctx), name, format, ctx.queryParam("from"),
                ctx.queryParam("to"), ctx.queryParam("site"));
        String filename = name + "_" + table.window().from() + "_" + table.window().to() + "." + format;
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8").result(ReportCsv.write(table));
        } else {
            ctx.json(json(table));
        }
    }

    /** The JSON form: the window, the threshold, the columns with their hashtags, and the rows. */
    static Map<String, Object> json(ReportTable table) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("report", table.name());
        json.put("from", table.window().from().toString());
        json.put("to", table.window().to().toString());
        json.put("site", table.window().site().orElse(null));
        json.put("threshold", table.threshold());
        List<Map<String, String>> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            columns.add(Map.of("name", table.columns().get(i), "hxl", table.hashtags().get(i)));
        }
        json.put("columns", columns);
        json.put("rows", table.rows());
        return json;
    }
}

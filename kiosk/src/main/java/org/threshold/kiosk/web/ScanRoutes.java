package org.threshold.kiosk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.kiosk.hardware.KioskHardware;
import org.threshold.kiosk.session.OperatorSessions;

/**
 * {@code GET /api/scans/next}: the short code of the card last scanned, for the page to open, once.
 * {@code POST /api/scans}: a line a keyboard-wedge scanner typed into the page. Both need a shift, as
 * a scan leads to a household.
 */
public final class ScanRoutes implements RouteGroup {
    private final KioskHardware hardware;
    private final SessionGuard guard;
    private final ObjectMapper json;

    public ScanRoutes(KioskHardware hardware, OperatorSessions sessions, ObjectMapper json) {
        this.hardware = hardware;
        this.guard = new SessionGuard(sessions);
        this.json = json;
    }

    record Scan(String code) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/scans/next", this::next);
        routes.post("/api/scans", this::typed);
    }

    private void next(Context ctx) {
        guard.require(ctx);
        hardware.takeLastScan().ifPresentOrElse(code -> ctx.json(new Scan(code)), () -> ctx.status(204));
    }

    private void typed(Context ctx) {
        guard.require(ctx);
        JsonNode body = JsonBodies.read(ctx, json);
        hardware.typed(body.path("line").asText(""));
        ctx.status(204);
    }
}

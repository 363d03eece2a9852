package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import org.threshold.kiosk.tamper.TamperResponse;

/**
 * {@code POST /api/demo/tamper}: the simulated tamper switch, served only in demo mode (a real kiosk
 * has the GPIO switch). It destroys the local keys exactly as the switch would.
 */
public final class TamperRoutes implements RouteGroup {
    private final TamperResponse response;

    public TamperRoutes(TamperResponse response) {
        this.response = response;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/demo/tamper", ctx -> {
            response.tamperDetected("simulated");
            ctx.status(204);
        });
    }
}

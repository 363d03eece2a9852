package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.tamper.TamperResponse;

/**
 * {@code POST /api/demo/tamper}: the simulated tamper switch, served only in demo mode (a real kiosk
 * has the GPIO switch). It destroys the local keys exactly as the switch would, so it needs an unlocked shift:
 * nobody who has not unlocked the kiosk, and no other web page, can destroy them.
 */
public final class TamperRoutes implements RouteGroup {
    private final TamperResponse response;
    private final SessionGuard guard;

    public TamperRoutes(TamperResponse response, OperatorSessions sessions) {
        this.response = response;
        this.guard = new SessionGuard(sessions);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/demo/tamper", ctx -> {
            guard.require(ctx);
            response.tamperDetected("simulated");
            ctx.status(204);
        });
    }
}

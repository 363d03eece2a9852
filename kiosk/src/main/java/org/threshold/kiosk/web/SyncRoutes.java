package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.sync.SyncClient;

/** {@code POST /api/sync}: sync with the hub now, for the "Sync now" button. */
public final class SyncRoutes implements RouteGroup {
    private final SyncClient sync;
    private final SessionGuard guard;

    public SyncRoutes(SyncClient sync, OperatorSessions sessions) {
        this.sync = sync;
        this.guard = new SessionGuard(sessions);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/sync", ctx -> {
            guard.require(ctx);
            ctx.json(sync.syncNow());
        });
    }
}

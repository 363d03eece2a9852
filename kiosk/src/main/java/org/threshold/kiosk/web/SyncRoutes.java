package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.sync.SyncClient;

/**
 * {@code POST /api/sync}: sync with the hub now, for the "Sync now" button. Needs no unlocked shift:
 * it ships only hub-sealed events, so a locked (or key-destroyed) kiosk still delivers what it holds.
 */
public final class SyncRoutes implements RouteGroup {
    private final SyncClient sync;

    public SyncRoutes(SyncClient sync, OperatorSessions sessions) {
        this.sync = sync;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/sync", ctx -> ctx.json(sync.syncNow()));
    }
}

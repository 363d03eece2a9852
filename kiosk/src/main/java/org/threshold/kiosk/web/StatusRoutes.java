package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.kiosk.hardware.KioskHardware.DeviceStatus;
import org.threshold.kiosk.store.EventLog;

/**
 * {@code GET /api/status} and {@code GET /api/needs}: what the page shows before anyone unlocks, so
 * neither holds personal data.
 */
public final class StatusRoutes implements RouteGroup {
    private final KioskConfig config;
    private final EventLog events;
    private final Supplier<List<DeviceStatus>> hardware;
    private final boolean demoMode;
    private final NeedsCatalogue catalogue;

    public StatusRoutes(KioskConfig config, EventLog events, Supplier<List<DeviceStatus>> hardware, boolean demoMode,
                        NeedsCatalogue catalogue) {
        this.config = config;
        this.events = events;
        this.hardware = hardware;
        this.demoMode = demoMode;
        this.catalogue = catalogue;
    }

    record Status(String kioskId, String site, String hubUrl, long pendingEvents, long totalEvents,
                  Instant lastSyncAt, String lastSyncError, List<DeviceStatus> hardware, boolean demoMode,
                  String catalogueVersion) {
    }

    record Need(String code, String label, boolean sensitive) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/status", this::status);
        routes.get("/api/needs", this::needs);
    }

    private void status(Context ctx) {
        EventLog.Counts counts = events.counts();
        EventLog.SyncState sync = events.syncState();
        ctx.json(new Status(config.kioskId(), config.site(), config.hubUrl(), counts.pending(), counts.total(),
                sync.lastSyncAt(), sync.lastSyncError(), hardware.get(), demoMode, catalogue.version()));
    }

    private void needs(Context ctx) {
        ctx.json(catalogue.forDataEntry().stream()
                .map(need -> new Need(need.code(), need.label(), need.sensitive())).toList());
    }
}

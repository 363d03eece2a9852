package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hardware.DeviceInfo;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.OperatorKeyStore;
import org.threshold.kiosk.store.StorageGuard;

/**
 * {@code GET /api/status} and {@code GET /api/needs}: what the page shows before anyone unlocks, so
 * neither holds personal data.
 */
public final class StatusRoutes implements RouteGroup {
    private final KioskConfig config;
    private final EventLog events;
    private final List<DeviceInfo> hardware;
    private final boolean demoMode;
    private final NeedsCatalogue catalogue;
    private final Supplier<StorageGuard.Health> storage;
    private final OperatorKeyStore keys;

    public StatusRoutes(KioskConfig config, EventLog events, List<DeviceInfo> hardware, boolean demoMode,
                        NeedsCatalogue catalogue) {
        this(config, events, hardware, demoMode, catalogue, null, null);
    }

    /** With the storage health and the state of the local keys (issue 3); either may be null. */
    public StatusRoutes(KioskConfig config, EventLog events, List<DeviceInfo> hardware, boolean demoMode,
                        NeedsCatalogue catalogue, Supplier<StorageGuard.Health> storage, OperatorKeyStore keys) {
        this.storage = storage;
        this.keys = keys;
        this.config = config;
        this.events = events;
        this.hardware = List.copyOf(hardware);
        this.demoMode = demoMode;
        this.catalogue = catalogue;
    }

    record Status(String kioskId, String site, String hubUrl, long pendingEvents, long totalEvents,
                  Instant lastSyncAt, String lastSyncError, List<DeviceInfo> hardware, boolean demoMode,
                  String catalogueVersion, StorageGuard.Health storage, LocalKeys localKeys) {
    }

    /** {@code state} is AVAILABLE or DESTROYED; {@code reason} (TAMPER, REVOKED) and {@code destroyedAt} when destroyed. */
    record LocalKeys(String state, String reason, Instant destroyedAt) {
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
                sync.lastSyncAt(), sync.lastSyncError(), hardware, demoMode, catalogue.version(),
                storage == null ? null : storage.get(), localKeys()));
    }

    private LocalKeys localKeys() {
        if (keys == null) {
            return null;
        }
        return keys.destruction().map(d -> new LocalKeys("DESTROYED", d.reason(), d.at()))
                .orElse(new LocalKeys("AVAILABLE", null, null));
    }

    private void needs(Context ctx) {
        ctx.json(catalogue.forDataEntry().stream()
                .map(need -> new Need(need.code(), need.label(), need.sensitive())).toList());
    }
}

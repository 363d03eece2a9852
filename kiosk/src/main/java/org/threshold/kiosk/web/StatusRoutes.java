package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.threshold.core.i18n.Messages;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.needs.NeedLabels;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.kiosk.hardware.KioskHardware.DeviceStatus;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.sync.ConnectionState;
import org.threshold.kiosk.store.OperatorKeyStore;
import org.threshold.kiosk.store.StorageGuard;

/**
 * {@code GET /api/status} and {@code GET /api/needs}: what the page shows before anyone unlocks, so
 * neither holds personal data.
 */
public final class StatusRoutes implements RouteGroup {
    private final KioskConfig config;
    private final EventLog events;
    private final Function<Messages, List<DeviceStatus>> hardware;
    private final boolean demoMode;
    private final NeedsCatalogue catalogue;
    private final Supplier<ConnectionState.Snapshot> connection;
    private final Supplier<StorageGuard.Health> storage;
    private final OperatorKeyStore keys;

    public StatusRoutes(KioskConfig config, EventLog events, Function<Messages, List<DeviceStatus>> hardware,
                        boolean demoMode,
                        NeedsCatalogue catalogue, Supplier<ConnectionState.Snapshot> connection,
                        Supplier<StorageGuard.Health> storage, OperatorKeyStore keys) {
        this.storage = storage;
        this.keys = keys;
        this.config = config;
        this.events = events;
        this.hardware = hardware;
        this.demoMode = demoMode;
        this.catalogue = catalogue;
        this.connection = connection;
    }

    record Status(String kioskId, String site, String hubUrl, long pendingEvents, long totalEvents,
                  Instant lastSyncAt, String lastSyncError, List<DeviceStatus> hardware, boolean demoMode,
                  String catalogueVersion, boolean online, Instant lastContactAt, double catchUpProgress,
                  String transportWarning, StorageGuard.Health storage, LocalKeys localKeys) {
    }

    /** {@code state} is AVAILABLE or DESTROYED; {@code reason} (TAMPER, REVOKED) and {@code destroyedAt} when destroyed. */
    record LocalKeys(String state, String reason, Instant destroyedAt) {
    }

    record Need(String code, String label, boolean sensitive, String parent, boolean drafted) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/status", this::status);
        routes.get("/api/needs", this::needs);
    }

    private void status(Context ctx) {
        EventLog.Counts counts = events.counts();
        EventLog.SyncState sync = events.syncState();
        ConnectionState.Snapshot link = connection.get();
        String transportWarning = config.hubUrl().startsWith("https://") ? null
                : "Plain HTTP to the hub: records are not protected in transit. For demonstrations only.";
        ctx.json(new Status(config.kioskId(), config.site(), config.hubUrl(), counts.pending(), counts.total(),
                sync.lastSyncAt(), sync.lastSyncError(), hardware.apply(Languages.errors(ctx)), demoMode, catalogue.version(), link.online(),
                link.lastContactAt(), counts.pending() == 0 ? 1.0 : link.progress(), transportWarning, storage.get(),
                localKeys()));
    }

    private LocalKeys localKeys() {
        return keys.destruction().map(d -> new LocalKeys("DESTROYED", d.reason(), d.at()))
                .orElse(new LocalKeys("AVAILABLE", null, null));
    }

    private void needs(Context ctx) {
        NeedLabels labels = NeedLabels.in(Languages.of(ctx));
        ctx.json(catalogue.forDataEntry().stream().map(need -> {
            NeedLabels.Label label = labels.of(need);
            return new Need(need.code(), label.text(), need.sensitive(), need.parent(), label.drafted());
        }).toList());
    }
}

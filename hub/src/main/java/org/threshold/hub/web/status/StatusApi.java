package org.threshold.hub.web.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.LongSupplier;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.web.http.HubJson;

/**
 * {@code GET /api/status}: that the hub serves, its store's database and schema version, and how many batches this
 * instance refused as unauthenticated, for administrators and a load balancer's health check. No sign-in, and
 * nothing about records or kiosks.
 */
public final class StatusApi {
    private final HubStore.StoreInfo store;
    private final LongSupplier unauthenticatedBatches;

    /** @param unauthenticatedBatches batches refused since start as not provably from an enrolled kiosk */
    public StatusApi(HubStore.StoreInfo store, LongSupplier unauthenticatedBatches) {
        this.store = store;
        this.unauthenticatedBatches = unauthenticatedBatches;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/status", this::status);
    }

    private void status(Context ctx) {
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        body.put("status", "ok");
        ObjectNode json = body.putObject("store");
        json.put("database", store.dialect());
        json.put("schemaVersion", store.schemaVersion());
        // Counted apart from the kiosks' incidents: anyone can send these, so they say nothing about a kiosk.
        body.putObject("ingest").put("unauthenticatedRejects", unauthenticatedBatches.getAsLong());
        ctx.json(body);
    }
}

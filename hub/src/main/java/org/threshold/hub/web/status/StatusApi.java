package org.threshold.hub.web.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.LongSupplier;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.http.HubJson;

/**
 * {@code GET /api/status}: that the hub serves, its store's database and schema version, and how many batches this
 * instance refused as unauthenticated, for administrators. {@code GET /health}: 200 when the store answers a query
 * now, 503 when it does not, for a load balancer's active check, so a hub that serves HTTP but has lost its database
 * is taken out of rotation. No sign-in for either, and nothing about records or kiosks.
 */
public final class StatusApi {
    private final HubStore store;
    private final LongSupplier unauthenticatedBatches;

    /** @param unauthenticatedBatches batches refused since start as not provably from an enrolled kiosk */
    public StatusApi(HubStore store, LongSupplier unauthenticatedBatches) {
        this.store = store;
        this.unauthenticatedBatches = unauthenticatedBatches;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/status", this::status, Access.PUBLIC);
        routes.get("/health", this::health, Access.PUBLIC);
    }

    private void health(Context ctx) {
        boolean answers = store.answers();
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        body.put("status", answers ? "ok" : "store-unavailable");
        ctx.status(answers ? 200 : 503).json(body);
    }

    private void status(Context ctx) {
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        body.put("status", "ok");
        HubStore.StoreInfo info = store.info();
        ObjectNode json = body.putObject("store");
        json.put("database", info.dialect());
        json.put("schemaVersion", info.schemaVersion());
        // Counted apart from the kiosks' incidents: anyone can send these, so they say nothing about a kiosk.
        body.putObject("ingest").put("unauthenticatedRejects", unauthenticatedBatches.getAsLong());
        ctx.json(body);
    }
}

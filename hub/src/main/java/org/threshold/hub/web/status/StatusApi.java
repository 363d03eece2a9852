package org.threshold.hub.web.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.web.http.HubJson;

/**
 * {@code GET /api/status}: that the hub serves, and its store's database and schema version, for administrators
 * and a load balancer's health check. No sign-in, and nothing about records or kiosks.
 */
public final class StatusApi {
    private final HubStore.StoreInfo store;

    public StatusApi(HubStore.StoreInfo store) {
        this.store = store;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/status", this::status, Access.PUBLIC);
    }

    private void status(Context ctx) {
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        body.put("status", "ok");
        ObjectNode json = body.putObject("store");
        json.put("database", store.dialect());
        json.put("schemaVersion", store.schemaVersion());
        ctx.json(body);
    }
}

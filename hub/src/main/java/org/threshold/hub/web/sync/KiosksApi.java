package org.threshold.hub.web.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.app.sync.SyncStatus;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.http.HubJson;

/**
 * {@code GET /api/kiosks} (ADMIN): per kiosk, last contact, highest contiguous sequence held, events held, and
 * how many gaps and forks its batches showed, and whether it is revoked; every enrolled kiosk is listed, also
 * those never heard from.
 * {@code GET /api/kiosks/{id}/incidents} (ADMIN): the gaps and forks behind those counts.
 */
public final class KiosksApi {
    private final SyncStatus status;

    public KiosksApi(SyncStatus status) {
        this.status = status;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/kiosks", this::list, Access.ADMIN);
        routes.get("/api/kiosks/{kioskId}/incidents", this::incidents, Access.ADMIN);
    }

    private void list(Context ctx) {
        ArrayNode kiosks = HubJson.MAPPER.createArrayNode();
        for (SyncStatus.KioskReport report : status.kiosks()) {
            ObjectNode kiosk = kiosks.addObject();
            kiosk.put("kioskId", report.kioskId());
            kiosk.put("lastContact", report.lastContact() == null ? null : report.lastContact().toString());
            kiosk.put("highestSeq", report.highestSeq());
            kiosk.put("events", report.events());
            kiosk.put("gaps", report.gaps());
            kiosk.put("forks", report.forks());
            kiosk.put("revoked", report.revoked());
        }
        ctx.json(kiosks);
    }

    private void incidents(Context ctx) {
        ArrayNode incidents = HubJson.MAPPER.createArrayNode();
        status.incidents(ctx.pathParam("kioskId")).forEach(incident -> {
            ObjectNode json = incidents.addObject();
            json.put("at", incident.at().toString());
            json.put("reason", incident.reason());
            json.put("sequence", incident.sequence());
            json.put("detail", incident.detail());
        });
        ctx.json(incidents);
    }
}

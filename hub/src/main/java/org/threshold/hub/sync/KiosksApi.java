package org.threshold.hub.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.threshold.hub.account.Role;
import org.threshold.hub.account.SessionAuth;
import org.threshold.hub.account.SignedInUser;
import org.threshold.hub.deployment.EnrolledKiosks;
import org.threshold.hub.http.ApiException;
import org.threshold.hub.http.HubJson;
import org.threshold.hub.store.SqliteSyncLedger;
import org.threshold.hub.store.SqliteSyncLedger.KioskSyncStatus;
import org.threshold.hub.store.SqliteUpdateStore;

/**
 * {@code GET /api/kiosks} (ADMIN): per kiosk, last contact, highest contiguous sequence held, events held, and
 * how many gaps and forks its batches showed, and whether it is revoked; every enrolled kiosk is listed, also
 * those never heard from.
 * {@code GET /api/kiosks/{id}/incidents} (ADMIN): the gaps and forks behind those counts.
 */
public final class KiosksApi {
    private final SqliteSyncLedger ledger;
    private final EnrolledKiosks enrolled;
    private final SqliteUpdateStore revocations;
    private final SessionAuth auth;

    public KiosksApi(SqliteSyncLedger ledger, EnrolledKiosks enrolled, SqliteUpdateStore revocations,
                     SessionAuth auth) {
        this.ledger = ledger;
        this.enrolled = enrolled;
        this.revocations = revocations;
        this.auth = auth;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/kiosks", this::list);
        routes.get("/api/kiosks/{kioskId}/incidents", this::incidents);
    }

    private void requireAdmin(Context ctx) {
        SignedInUser user = auth.requireBearer(ctx);
        if (user.role() != Role.ADMIN) {
            throw new ApiException(403, "FORBIDDEN", "Only administrators see the kiosks' sync state.");
        }
    }

    private void list(Context ctx) {
        requireAdmin(ctx);
        Map<String, KioskSyncStatus> byId = new TreeMap<>();
        Set<String> revoked = revocations.revokedKiosks();
        enrolled.enrolledIds().forEach(id -> byId.put(id, new KioskSyncStatus(id, null, 0, 0, 0, 0)));
        revoked.forEach(id -> byId.put(id, new KioskSyncStatus(id, null, 0, 0, 0, 0)));
        ledger.kiosks().forEach(status -> byId.put(status.kioskId(), status));
        ArrayNode kiosks = HubJson.MAPPER.createArrayNode();
        for (KioskSyncStatus status : byId.values()) {
            ObjectNode kiosk = kiosks.addObject();
            kiosk.put("kioskId", status.kioskId());
            kiosk.put("lastContact", status.lastContact() == null ? null : status.lastContact().toString());
            kiosk.put("highestSeq", status.highestSeq());
            kiosk.put("events", status.events());
            kiosk.put("gaps", status.gaps());
            kiosk.put("forks", status.forks());
            kiosk.put("revoked", revoked.contains(status.kioskId()));
        }
        ctx.json(kiosks);
    }

    private void incidents(Context ctx) {
        requireAdmin(ctx);
        ArrayNode incidents = HubJson.MAPPER.createArrayNode();
        ledger.incidents(ctx.pathParam("kioskId")).forEach(incident -> {
            ObjectNode json = incidents.addObject();
            json.put("at", incident.at().toString());
            json.put("reason", incident.reason());
            json.put("sequence", incident.sequence());
            json.put("detail", incident.detail());
        });
        ctx.json(incidents);
    }
}

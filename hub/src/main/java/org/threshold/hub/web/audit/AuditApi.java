package org.threshold.hub.web.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.threshold.hub.app.access.GlassBreak;
import org.threshold.hub.app.audit.AccessLogEntry;
import org.threshold.hub.app.audit.AccessLogVerifier;
import org.threshold.hub.app.audit.AuditTrail;
import org.threshold.hub.app.audit.ChainState;
import org.threshold.hub.app.household.GlassBreaks;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.http.HubJson;

/**
 * The DPO's routes: {@code GET /api/audit} (the access log, filtered, a page at a time), {@code POST
 * /api/audit/verify} (a walk of its whole hash chain, on demand: seconds for a large log, so never part of a listing)
 * and {@code GET /api/glass-breaks} (every glass-break with its reason). docs/api.md describes them.
 */
public final class AuditApi {
    private final AuditTrail trail;
    private final AccessLogVerifier verifier;
    private final GlassBreaks glassBreaks;
    private final Clock clock;

    public AuditApi(AuditTrail trail, AccessLogVerifier verifier, GlassBreaks glassBreaks, Clock clock) {
        this.trail = trail;
        this.verifier = verifier;
        this.glassBreaks = glassBreaks;
        this.clock = clock;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/api/audit", this::audit, Access.DPO);
        routes.post("/api/audit/verify", ctx -> ctx.json(HubJson.MAPPER.createObjectNode()
                .set("chain", chain(verifier.verify()))), Access.DPO);
        routes.get("/api/glass-breaks", this::list, Access.DPO);
    }

    private void audit(Context ctx) {
        AuditTrail.Page page = trail.search(AuditFilters.query(ctx));
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        ArrayNode records = body.putArray("records");
        for (AccessLogEntry entry : page.entries()) {
            ObjectNode record = records.addObject();
            record.put("id", entry.id());
            record.put("at", entry.record().at().toString());
            record.put("account", entry.record().username());
            record.put("action", entry.record().action());
            record.put("outcome", entry.record().outcome());
            if (entry.record().householdId() != null) {
                record.put("householdId", entry.record().householdId().toString());
            }
            if (!entry.record().shown().isEmpty()) {
                ArrayNode households = record.putArray("households");
                entry.record().shown().forEach(shown -> households.addObject()
                        .put("householdId", shown.householdId().toString()).put("purpose", shown.purpose()));
            }
            record.put("chained", entry.chained());
        }
        if (page.next() == null) {
            body.putNull("next");
        } else {
            body.put("next", page.next());
        }
        ctx.json(body);
    }

    private static ObjectNode chain(ChainState state) {
        ObjectNode chain = HubJson.MAPPER.createObjectNode();
        chain.put("intact", state.intact());
        chain.put("checked", state.checked());
        chain.put("unchained", state.unchained());
        chain.put("checkedAt", state.checkedAt().toString());
        state.firstBreak().ifPresentOrElse(
                at -> chain.putObject("firstBreak").put("seq", at.seq()).put("problem", at.problem().name()),
                () -> chain.putNull("firstBreak"));
        return chain;
    }

    private void list(Context ctx) {
        int limit = AuditFilters.limit(ctx);
        List<GlassBreak> grants = glassBreaks.list(AuditFilters.text(ctx, "account"), AuditFilters.number(ctx, "before"),
                limit);
        Instant now = clock.instant();
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("glassBreaks");
        for (GlassBreak grant : grants) {
            list.addObject().put("id", grant.id()).put("account", grant.username())
                    .put("householdId", grant.householdId().toString()).put("reason", grant.reason())
                    .put("grantedAt", grant.grantedAt().toString()).put("until", grant.until().toString())
                    .put("active", grant.activeAt(now));
        }
        boolean full = grants.size() == Math.min(limit, GlassBreaks.MAX_PAGE);
        if (full) {
            body.put("next", grants.get(grants.size() - 1).id());
        } else {
            body.putNull("next");
        }
        ctx.json(body);
    }
}

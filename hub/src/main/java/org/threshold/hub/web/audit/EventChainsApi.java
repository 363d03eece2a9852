package org.threshold.hub.web.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.app.event.EventChainVerifier;
import org.threshold.hub.web.access.Access;
import org.threshold.hub.web.http.HubJson;

/**
 * {@code POST /api/events/verify} (DPO): walks every event chain the hub holds now, erasures included
 * ({@link EventChainVerifier}), and answers each one's state. A POST, as the access log's walk is: it reads the whole
 * event store, so it runs when asked, never on a listing. See docs/api.md.
 */
public final class EventChainsApi {
    private final EventChainVerifier verifier;

    public EventChainsApi(EventChainVerifier verifier) {
        this.verifier = verifier;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/api/events/verify", this::verify, Access.DPO);
    }

    private void verify(Context ctx) {
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        ArrayNode chains = body.putArray("chains");
        boolean intact = true;
        for (EventChainVerifier.ChainState state : verifier.verifyAll()) {
            ObjectNode chain = chains.addObject().put("chain", state.chain()).put("intact", state.intact())
                    .put("checked", state.checked()).put("redacted", state.redacted())
                    .put("unsealed", state.unsealed());
            state.firstBreak().ifPresent(broken -> chain.putObject("firstBreak").put("sequence", broken.sequence())
                    .put("problem", broken.problem().name()));
            intact &= state.intact();
        }
        body.put("intact", intact);
        ctx.json(body);
    }
}

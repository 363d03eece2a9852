package org.threshold.kiosk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.threshold.core.crypto.Passphrase;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.session.UnlockRefusedException;

/** {@code POST /api/session} unlocks, {@code DELETE /api/session} locks. */
public final class SessionRoutes implements RouteGroup {
    private final OperatorSessions sessions;
    private final ObjectMapper json;

    public SessionRoutes(OperatorSessions sessions, ObjectMapper json) {
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/session", this::unlock);
        routes.delete("/api/session", this::lock);
    }

    private void unlock(Context ctx) throws UnlockRefusedException {
        JsonNode body = JsonBodies.read(ctx, json, "{\"operator\",\"passphrase\"}");
        JsonNode operator = body.path("operator");
        JsonNode passphrase = body.path("passphrase");
        if (!operator.isTextual() || !passphrase.isTextual()) {
            throw new ApiException(400, "INVALID_REQUEST",
                    "Send the operator name and passphrase as {\"operator\":\"...\",\"passphrase\":\"...\"}.");
        }
        String token = sessions.unlock(operator.asText(), Passphrase.wrap(passphrase.asText().toCharArray()));
        ctx.json(Map.of("sessionToken", token));
    }

    private void lock(Context ctx) {
        sessions.lock(SessionGuard.bearerToken(ctx));
        ctx.status(204);
    }
}

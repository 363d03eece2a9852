package org.threshold.kiosk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.threshold.core.crypto.Passphrase;
import org.threshold.core.i18n.Messages;
import org.threshold.kiosk.session.OperatorSession;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.session.UnlockRefusedException;
import org.threshold.kiosk.store.OperatorPreferences;

/**
 * {@code POST /api/session} unlocks, {@code DELETE /api/session} locks, {@code GET /api/session} says who is
 * working, and {@code PUT /api/session/language} remembers the operator's interface language across shifts.
 */
public final class SessionRoutes implements RouteGroup {
    private final OperatorSessions sessions;
    private final OperatorPreferences preferences;
    private final SessionGuard guard;
    private final ObjectMapper json;

    public SessionRoutes(OperatorSessions sessions, OperatorPreferences preferences, ObjectMapper json) {
        this.sessions = sessions;
        this.preferences = preferences;
        this.guard = new SessionGuard(sessions);
        this.json = json;
    }

    /** @param language the operator's remembered language, null until they choose one */
    record Unlocked(String sessionToken, String operator, String role,
                    @JsonInclude(JsonInclude.Include.ALWAYS) String language) {
    }

    record Operator(String operator, String role, @JsonInclude(JsonInclude.Include.ALWAYS) String language) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/session", this::unlock);
        routes.get("/api/session", this::current);
        routes.delete("/api/session", this::lock);
        routes.put("/api/session/language", this::language);
    }

    private void unlock(Context ctx) throws UnlockRefusedException {
        JsonNode body = JsonBodies.read(ctx, json);
        JsonNode operator = body.path("operator");
        JsonNode passphrase = body.path("passphrase");
        if (!operator.isTextual() || !passphrase.isTextual()) {
            throw new ApiException(400, "INVALID_REQUEST", "error.INVALID_REQUEST.session",
                    Map.of("example", "{\"operator\":\"...\",\"passphrase\":\"...\"}"));
        }
        String token = sessions.unlock(operator.asText(), Passphrase.wrap(passphrase.asText().toCharArray()));
        OperatorSession session = sessions.find(token).orElseThrow(ApiException::locked);
        ctx.json(new Unlocked(token, session.operatorName(), session.role().name(),
                preferences.language(session.operatorName()).orElse(null)));
    }

    private void current(Context ctx) {
        OperatorSession session = guard.require(ctx);
        ctx.json(new Operator(session.operatorName(), session.role().name(),
                preferences.language(session.operatorName()).orElse(null)));
    }

    private void language(Context ctx) {
        OperatorSession session = guard.require(ctx);
        JsonNode language = JsonBodies.read(ctx, json).path("language");
        Locale chosen = language.isTextual() ? Locale.forLanguageTag(language.asText()) : null;
        if (!Messages.isSupported(chosen) || !chosen.getLanguage().equals(language.asText())) {
            throw new ApiException(400, "INVALID_REQUEST", "error.INVALID_REQUEST.language", Map.of("languages",
                    Messages.SUPPORTED.stream().map(Locale::getLanguage).collect(Collectors.joining(", "))));
        }
        preferences.rememberLanguage(session.operatorName(), chosen.getLanguage());
        ctx.json(Map.of("language", chosen.getLanguage()));
    }

    private void lock(Context ctx) {
        sessions.lock(SessionGuard.bearerToken(ctx));
        ctx.status(204);
    }
}

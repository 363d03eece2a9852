package org.threshold.kiosk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import org.threshold.core.i18n.LatinSuggestion;
import org.threshold.core.i18n.Messages;
import org.threshold.core.registration.Origin;
import org.threshold.kiosk.registration.ArrivalDefaults;
import org.threshold.kiosk.session.OperatorSession;
import org.threshold.kiosk.session.OperatorSessions;

/**
 * What helps the operator type less: a Latin spelling for a name in its original script, the arrival step's
 * defaults from the site's recent registrations, and the message bundles the page speaks with.
 */
public final class AssistRoutes implements RouteGroup {
    private static final Set<String> BUNDLES = Set.of(Messages.ERRORS, Messages.CATALOGUE, Messages.KIOSK_UI);
    private static final int MAX_TEXT = 200;

    private final ArrivalDefaults arrival;
    private final SessionGuard guard;
    private final ObjectMapper json;

    public AssistRoutes(ArrivalDefaults arrival, OperatorSessions sessions, ObjectMapper json) {
        this.arrival = arrival;
        this.guard = new SessionGuard(sessions);
        this.json = json;
    }

    record Defaults(LocalDate arrivalDate, @JsonInclude(JsonInclude.Include.ALWAYS) Origin origin,
                    List<String> languages) {
    }

    record Bundle(String language, String dir, Map<String, String> messages, List<String> drafted) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/transliterations", this::transliterate);
        routes.get("/api/arrival-defaults", this::arrivalDefaults);
        routes.get("/api/messages/{bundle}", this::messages);
    }

    private void transliterate(Context ctx) {
        guard.require(ctx);
        JsonNode text = JsonBodies.read(ctx, json).path("text");
        if (!text.isTextual() || text.asText().isBlank() || text.asText().length() > MAX_TEXT) {
            throw new ApiException(400, "INVALID_REQUEST", "error.INVALID_REQUEST.text",
                    Map.of("example", "{\"text\":\"...\"}"));
        }
        ctx.json(Map.of("latin", LatinSuggestion.of(text.asText())));
    }

    private void arrivalDefaults(Context ctx) {
        OperatorSession session = guard.require(ctx);
        ArrivalDefaults.Defaults defaults = arrival.suggest(session.localKey());
        ctx.json(new Defaults(defaults.arrivalDate(), defaults.origin(), defaults.languages()));
    }

    private void messages(Context ctx) {
        String name = ctx.pathParam("bundle");
        Messages messages;
        try {
            if (!BUNDLES.contains(name)) {
                throw new MissingResourceException("not a bundle", Messages.class.getName(), name);
            }
            messages = Messages.of(name, Languages.of(ctx));
        } catch (MissingResourceException e) {
            throw ApiException.notFound("path");
        }
        Map<String, String> patterns = messages.patterns();
        ctx.json(new Bundle(messages.locale().getLanguage(), messages.rightToLeft() ? "rtl" : "ltr", patterns,
                patterns.keySet().stream().filter(messages::drafted).toList()));
    }
}

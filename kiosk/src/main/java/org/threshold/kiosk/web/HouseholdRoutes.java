package org.threshold.kiosk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.TokenId;
import org.threshold.kiosk.registration.CardOutcome;
import org.threshold.kiosk.registration.CardPrinting;
import org.threshold.kiosk.registration.FindHousehold;
import org.threshold.kiosk.registration.FindHousehold.FoundHousehold;
import org.threshold.kiosk.registration.RegisterHousehold;
import org.threshold.kiosk.registration.RegistrationReceipt;
import org.threshold.kiosk.session.OperatorSession;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;

/** Registering households, finding them by token or name, and reprinting their cards. */
public final class HouseholdRoutes implements RouteGroup {
    private static final String NOT_REGISTERED_HERE = "No household with this token was registered on this kiosk. "
            + "Check the code on the card, or look it up at the hub.";

    private final RegisterHousehold register;
    private final FindHousehold find;
    private final CardPrinting cards;
    private final SessionGuard guard;
    private final ObjectMapper json;

    public HouseholdRoutes(RegisterHousehold register, FindHousehold find, CardPrinting cards, OperatorSessions sessions,
                           ObjectMapper json) {
        this.register = register;
        this.find = find;
        this.cards = cards;
        this.guard = new SessionGuard(sessions);
        this.json = json;
    }

    record TokenView(String code, String qr) {
    }

    record Registered(String householdId, TokenView token, String card, boolean printed,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String printMessage, boolean localCopy) {
    }

    record Found(String householdId, TokenView token, String card, boolean printed, Instant registeredAt,
                 boolean synced, JsonNode household, String localCopy,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String notice) {
    }

    record Match(String householdId, TokenView token, Instant registeredAt, boolean synced, JsonNode household,
                 String localCopy) {
    }

    record Matches(List<Match> households, int limit) {
    }

    record Reprinted(String card, boolean printed, @JsonInclude(JsonInclude.Include.NON_NULL) String printMessage) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/households", this::register);
        routes.get("/api/households", this::search);
        routes.get("/api/households/{code}", this::find);
        routes.post("/api/households/{code}/reprint", this::reprint);
    }

    private void register(Context ctx) throws InvalidRegistrationException {
        OperatorSession session = guard.require(ctx);
        JsonNode household = JsonBodies.read(ctx, json, "the household");
        RegistrationReceipt receipt = register.register(household, session.localKey());
        CardOutcome card = receipt.card();
        ctx.status(201).json(new Registered(receipt.householdId().toString(),
                new TokenView(receipt.shortCode(), receipt.qr()), pathOrNull(card.card()), card.printed(),
                card.problem(), receipt.localCopyKept()));
    }

    private void find(Context ctx) throws InvalidTokenException {
        OperatorSession session = guard.require(ctx);
        TokenId token = TokenId.parseShortCode(ctx.pathParam("code"));
        FoundHousehold found = find.find(token, session.localKey())
                .orElseThrow(() -> ApiException.notFound(NOT_REGISTERED_HERE));
        StoredRegistration registration = found.registration();
        ctx.json(new Found(registration.householdId().toString(), new TokenView(found.shortCode(), registration.qr()),
                pathOrNull(registration.card()), registration.printed(), registration.registeredAt(),
                registration.synced(), found.household(), found.localCopy().name(), notice(found.localCopy())));
    }

    private void search(Context ctx) {
        OperatorSession session = guard.require(ctx);
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ApiException(400, "INVALID_REQUEST",
                    "Give a name to search for, in any script: /api/households?name=... (at most 200 characters).");
        }
        LocalDataKey key = session.localKey().orElseThrow(() -> new ApiException(403, "NO_LOCAL_KEY",
                "Your operator account cannot open this kiosk's local copies, so it cannot search them by name. "
                        + "Find the household by its token, or at the hub."));
        List<Match> matches = find.findByName(name, key).stream()
                .map(found -> new Match(found.registration().householdId().toString(),
                        new TokenView(found.shortCode(), found.registration().qr()), found.registration().registeredAt(),
                        found.registration().synced(), found.household(), found.localCopy().name()))
                .toList();
        ctx.json(new Matches(matches, FindHousehold.MAX_RESULTS));
    }

    private void reprint(Context ctx) throws InvalidTokenException {
        guard.require(ctx);
        TokenId token = TokenId.parseShortCode(ctx.pathParam("code"));
        CardOutcome card = cards.reprint(token).orElseThrow(() -> ApiException.notFound(NOT_REGISTERED_HERE));
        ctx.json(new Reprinted(pathOrNull(card.card()), card.printed(), card.problem()));
    }

    private static String notice(FindHousehold.LocalCopy localCopy) {
        return switch (localCopy) {
            case OPENED -> null;
            case SHREDDED -> "This household was synced to the hub, and its local copy was destroyed after the "
                    + "retention period, as the kiosk does to protect people's data. Look it up at the hub.";
            case NOT_KEPT -> "No local copy of this household was kept on this kiosk: it was registered by an operator "
                    + "who does not hold the kiosk's local data key. The registration is safe and reaches the hub; "
                    + "look the names up there.";
            case NO_KEY -> "Your operator account cannot open this kiosk's local copies yet: the local data key was "
                    + "never shared with you. Look the household up at the hub.";
            case UNREADABLE -> "The local copy does not open with this kiosk's key; it may have been altered. "
                    + "Look the household up at the hub and tell your supervisor.";
        };
    }

    private static String pathOrNull(Path path) {
        return path == null ? null : path.toAbsolutePath().toString();
    }
}

package org.threshold.kiosk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.i18n.Messages;
import org.threshold.core.referral.ReferralSuggestions;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.TokenId;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.registration.CardOutcome;
import org.threshold.kiosk.registration.FindHousehold;
import org.threshold.kiosk.registration.FindHousehold.FoundHousehold;
import org.threshold.kiosk.registration.HouseholdActions;
import org.threshold.kiosk.registration.RegisterHousehold;
import org.threshold.kiosk.registration.RegistrationReceipt;
import org.threshold.kiosk.registration.RegistrationReferrals;
import org.threshold.kiosk.session.OperatorSession;
import org.threshold.kiosk.session.OperatorSessions;
import org.threshold.kiosk.store.RegistrationStore.IdempotencyKey;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;

/**
 * Registering households, finding them by token or name, and acting on them: reprint, reissue and correct
 * (supervisors), change consent (any operator). Roles are checked here, on the server, for every caller.
 */
public final class HouseholdRoutes implements RouteGroup {
    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[!-~]{1,200}");

    private static final int MAX_REFERRALS = 20;

    private final RegisterHousehold register;
    private final RegistrationReferrals referrals;
    private final FindHousehold find;
    private final HouseholdActions actions;
    private final SessionGuard guard;
    private final ObjectMapper json;

    public HouseholdRoutes(RegisterHousehold register, RegistrationReferrals referrals, FindHousehold find,
                           HouseholdActions actions, OperatorSessions sessions, ObjectMapper json) {
        this.register = register;
        this.referrals = referrals;
        this.find = find;
        this.actions = actions;
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

    record Reprinted(String card, boolean printed, @JsonInclude(JsonInclude.Include.NON_NULL) String printMessage,
                     boolean copy) {
    }

    record Reissued(String householdId, TokenView token, String card, boolean printed,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String printMessage, String revokedCode) {
    }

    record Corrected(String householdId, TokenView token, JsonNode household) {
    }

    record ConsentChanged(String householdId, TokenView token, JsonNode consent) {
    }

    record PersonView(int member, List<String> needs) {
    }

    /** {@code sensitive}: it names a sensitive code, so the page shows it on the consent step and nowhere else. */
    record SuggestionView(String service, String urgency, Instant dueAt, String basis, boolean sensitive,
                          List<PersonView> people) {
    }

    record WithheldView(String service, String missing, boolean sensitive, List<PersonView> people) {
    }

    record Suggestions(List<SuggestionView> referrals, List<WithheldView> withheld) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/households", this::register);
        routes.post("/api/referral-suggestions", this::suggestReferrals);
        routes.get("/api/households", this::search);
        routes.get("/api/households/{code}", this::find);
        routes.post("/api/households/{code}/reprint", this::reprint);
        routes.post("/api/households/{code}/reissue", this::reissue);
        routes.post("/api/households/{code}/corrections", this::correct);
        routes.post("/api/households/{code}/consent", this::consent);
    }

    private void register(Context ctx) throws InvalidRegistrationException {
        OperatorSession session = guard.require(ctx);
        IdempotencyKey idempotency = idempotencyKey(ctx);
        JsonNode household = JsonBodies.read(ctx, json);
        boolean reviewed = household.path("duplicateReviewed").asBoolean(false);
        RegistrationReceipt receipt = register.register(household, session.localKey(),
                new RegisterHousehold.Request(session.operatorName(), idempotency, !reviewed,
                        confirmedReferrals(household)));
        if (receipt.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        CardOutcome card = receipt.card();
        ctx.status(201).json(new Registered(receipt.householdId().toString(),
                new TokenView(receipt.shortCode(), receipt.qr()), pathOrNull(card.card()), card.printed(),
                printMessage(card, ctx), receipt.localCopyKept()));
    }

    /** {@code "referrals": [{"service": "health"}, ...]}: absent or null for every suggested referral. */
    private static Optional<List<String>> confirmedReferrals(JsonNode body) {
        JsonNode list = body.get("referrals");
        if (list == null || list.isNull()) {
            return Optional.empty();
        }
        ApiException malformed = new ApiException(400, "INVALID_REQUEST", "error.INVALID_REQUEST.referrals",
                Map.of("max", MAX_REFERRALS, "example", "\"referrals\": [{\"service\": \"health\"}]"));
        if (!list.isArray() || list.size() > MAX_REFERRALS) {
            throw malformed;
        }
        List<String> services = new java.util.ArrayList<>();
        for (JsonNode entry : list) {
            if (!entry.isObject() || !entry.path("service").isTextual()) {
                throw malformed;
            }
            services.add(entry.get("service").textValue());
        }
        return Optional.of(services);
    }

    private void suggestReferrals(Context ctx) throws InvalidRegistrationException {
        guard.require(ctx);
        ReferralSuggestions suggestions = register.suggestReferrals(JsonBodies.read(ctx, json));
        ctx.json(new Suggestions(suggestions.referrals().stream().map(r -> new SuggestionView(r.service(),
                        r.urgency().wireName(), r.dueAt(), r.basis().wireName(), referrals.sensitive(r.people()),
                        people(r.people()))).toList(),
                suggestions.withheld().stream().map(w -> new WithheldView(w.service(), w.missing().name(),
                        referrals.sensitive(w.people()), people(w.people()))).toList()));
    }

    private static List<PersonView> people(List<ReferredPerson> people) {
        return people.stream().map(p -> new PersonView(p.member(), p.needs())).toList();
    }

    private static IdempotencyKey idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new ApiException(400, "INVALID_IDEMPOTENCY_KEY");
        }
        return new IdempotencyKey(key, Bytes.sha256(ctx.bodyAsBytes()));
    }

    private void find(Context ctx) throws InvalidTokenException {
        OperatorSession session = guard.require(ctx);
        TokenId token = typedToken(ctx);
        FoundHousehold found = find.find(token, session.localKey()).orElseThrow(() -> notHere(token));
        StoredRegistration registration = found.registration();
        ctx.json(new Found(registration.householdId().toString(), new TokenView(found.shortCode(), registration.qr()),
                pathOrNull(registration.card()), registration.printed(), registration.registeredAt(),
                registration.synced(), found.household(), found.localCopy().name(),
                notice(found.localCopy(), Languages.errors(ctx))));
    }

    /** The code in the path; a code whose check character does not add up gets the codes issued here it may mean. */
    private TokenId typedToken(Context ctx) throws InvalidTokenException {
        String typed = ctx.pathParam("code");
        try {
            return TokenId.parseShortCode(typed);
        } catch (InvalidTokenException e) {
            if (e.reason() != InvalidTokenException.Reason.CHECK_MISMATCH) {
                throw e;
            }
            throw new ApiException(400, "CHECK_MISMATCH", "error.token.CHECK_MISMATCH", Map.of())
                    .withExtra(Map.of("didYouMean", find.typoHints(typed)));
        }
    }

    private ApiException notHere(TokenId token) {
        return find.revoked(token).isPresent() ? new ApiException(410, "TOKEN_REVOKED")
                : ApiException.notFound("household");
    }

    private void search(Context ctx) {
        OperatorSession session = guard.require(ctx);
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ApiException(400, "INVALID_REQUEST", "error.INVALID_REQUEST.search", Map.of());
        }
        LocalDataKey key = session.localKey().orElseThrow(() ->
                new ApiException(403, "NO_LOCAL_KEY", "error.NO_LOCAL_KEY.search", Map.of()));
        List<Match> matches = find.findByName(name, key).stream()
                .map(found -> new Match(found.registration().householdId().toString(),
                        new TokenView(found.shortCode(), found.registration().qr()), found.registration().registeredAt(),
                        found.registration().synced(), found.household(), found.localCopy().name()))
                .toList();
        ctx.json(new Matches(matches, FindHousehold.MAX_RESULTS));
    }

    private void reprint(Context ctx) throws InvalidTokenException {
        OperatorSession session = guard.requireSupervisor(ctx);
        TokenId token = typedToken(ctx);
        CardOutcome card = actions.reprint(token, session.operatorName()).orElseThrow(() -> notHere(token));
        ctx.json(new Reprinted(pathOrNull(card.card()), card.printed(), printMessage(card, ctx), true));
    }

    private void reissue(Context ctx) throws InvalidTokenException {
        OperatorSession session = guard.requireSupervisor(ctx);
        TokenId token = typedToken(ctx);
        HouseholdActions.Reissued reissued = actions.reissue(token, session.operatorName())
                .orElseThrow(() -> notHere(token));
        CardOutcome card = reissued.card();
        ctx.status(201).json(new Reissued(reissued.registration().householdId().toString(),
                new TokenView(reissued.token().id().shortCode(), reissued.token().qrPayload()), pathOrNull(card.card()),
                card.printed(), printMessage(card, ctx), token.shortCode()));
    }

    private void correct(Context ctx) throws InvalidTokenException {
        OperatorSession session = guard.requireSupervisor(ctx);
        TokenId token = typedToken(ctx);
        JsonNode request = JsonBodies.read(ctx, json);
        LocalDataKey key = localKeyToChange(session);
        try {
            var corrected = actions.correct(token, request, key, session.operatorName())
                    .orElseThrow(() -> notHere(token));
            StoredRegistration registration = find.find(token, Optional.of(key)).orElseThrow().registration();
            ctx.json(new Corrected(registration.householdId().toString(),
                    new TokenView(token.shortCode(), registration.qr()), HouseholdJson.write(corrected)));
        } catch (InvalidRegistrationException e) {
            throw new ApiException(400, "INVALID_CORRECTION").withProblems(e.problems());
        }
    }

    private void consent(Context ctx) throws InvalidTokenException {
        OperatorSession session = guard.require(ctx);
        TokenId token = typedToken(ctx);
        JsonNode request = JsonBodies.read(ctx, json);
        LocalDataKey key = localKeyToChange(session);
        try {
            var consent = actions.changeConsent(token, request, key, session.operatorName())
                    .orElseThrow(() -> notHere(token));
            StoredRegistration registration = find.find(token, Optional.of(key)).orElseThrow().registration();
            ctx.json(new ConsentChanged(registration.householdId().toString(),
                    new TokenView(token.shortCode(), registration.qr()), HouseholdJson.writeConsent(consent)));
        } catch (InvalidRegistrationException e) {
            throw new ApiException(400, "INVALID_CONSENT").withProblems(e.problems());
        }
    }

    private static LocalDataKey localKeyToChange(OperatorSession session) {
        return session.localKey().orElseThrow(() ->
                new ApiException(403, "NO_LOCAL_KEY", "error.NO_LOCAL_KEY.change", Map.of()));
    }

    private static String notice(FindHousehold.LocalCopy localCopy, Messages messages) {
        return localCopy == FindHousehold.LocalCopy.OPENED ? null : messages.format("notice." + localCopy.name());
    }

    private static String printMessage(CardOutcome card, Context ctx) {
        return card.problem() == null ? null : card.problem().in(Languages.errors(ctx));
    }

    private static String pathOrNull(Path path) {
        return path == null ? null : path.toAbsolutePath().toString();
    }
}

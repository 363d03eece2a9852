package org.threshold.kiosk.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.search.HouseholdIndex;
import org.threshold.core.event.EventType;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Corrections;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdChange;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;

/**
 * What an operator does to a household registered here, each recorded as an event in the chain before anything
 * else happens: reprint its card (marked COPY), reissue its token (the old one is revoked here at once, and at
 * the hub once the event syncs), correct it, change its consent. Who may do which is the web layer's policy;
 * the operator's name goes into the sealed event. Thread-safe.
 */
public final class HouseholdActions {
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdActions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventChain chain;
    private final RegistrationStore store;
    private final CardPrinting cards;
    private final NeedsCatalogue catalogue;
    private final SecureRandom random;
    /**
     * Held from reading a household to committing its change (reissue, correction, consent): two supervisors
     * correcting one household at once each apply on top of the other's change instead of one silently
     * overwriting the other's, and a second reissue of one token finds it already revoked. Changes are rare, so
     * one lock for all households costs nothing; it is taken before the chain's lock, never inside it.
     */
    private final ReentrantLock changes = new ReentrantLock();

    public HouseholdActions(EventChain chain, RegistrationStore store, CardPrinting cards, NeedsCatalogue catalogue,
                            SecureRandom random) {
        this.chain = chain;
        this.store = store;
        this.cards = cards;
        this.catalogue = catalogue;
        this.random = random;
    }

    /** The token was replaced by a reissue: it no longer stands for the household. */
    public static final class TokenRevokedException extends RuntimeException {
        TokenRevokedException() {
            super("token revoked");
        }
    }

    /** The household has no local copy this kiosk can open (shredded after sync, never kept, or unreadable). */
    public static final class NoLocalCopyException extends RuntimeException {
        NoLocalCopyException() {
            super("no readable local copy");
        }
    }

    public record Reissued(StoredRegistration registration, IssuedToken token, CardOutcome card) {
    }

    /** Reprints the household's card marked COPY, after recording the reprint; empty if not registered here. */
    public Optional<CardOutcome> reprint(TokenId token, String operator) {
        return current(token).map(registration -> {
            IssuedToken issued = LocalCopies.token(registration);
            Instant now = chain.now();
            ObjectNode details = HouseholdChange.newDetails().put("copy", true);
            chain.append(EventType.HOUSEHOLD_CARD_REPRINTED, now,
                    new HouseholdChange(registration.householdId(), issued.qrPayload(), now, operator, details).toJson(),
                    event -> {
                        store.append(event);
                        return event;
                    });
            return cards.print(issued, true);
        });
    }

    /** Gives the household a new token and prints its card; the old token is revoked. Empty if not registered here. */
    public Optional<Reissued> reissue(TokenId token, String operator) {
        return oneAtATime(() -> reissueCurrent(token, operator));
    }

    private Optional<Reissued> reissueCurrent(TokenId token, String operator) {
        return current(token).map(registration -> {
            IssuedToken old = LocalCopies.token(registration);
            LocalDate today = LocalDate.now(chain.clock());
            IssuedToken fresh = IssuedToken.issue(TokenId.random(random), chain.config().kioskId(), today,
                    chain.kioskKey());
            Instant now = chain.now();
            ObjectNode details = HouseholdChange.newDetails().put("revokedToken", old.qrPayload());
            chain.append(EventType.TOKEN_REISSUED, now,
                    new HouseholdChange(registration.householdId(), fresh.qrPayload(), now, operator, details).toJson(),
                    event -> {
                        store.commitReissue(event, registration.householdId(), old.id().code(), fresh.id().code(),
                                fresh.qrPayload(), today);
                        return event;
                    });
            LOG.info("Token reissued for a household; the old token is revoked");
            CardOutcome card = cards.print(fresh);
            return new Reissued(store.findByHousehold(registration.householdId()).orElseThrow(), fresh, card);
        });
    }

    /**
     * Applies corrections, added members and added needs ({@link Corrections}), validates the household as at
     * registration, records it and updates the local copy and name index. Empty if not registered here.
     *
     * @throws InvalidRegistrationException naming each problem; nothing was changed
     * @throws NoLocalCopyException if there is no readable local copy to correct
     */
    public Optional<Household> correct(TokenId token, JsonNode request, LocalDataKey key, String operator)
            throws InvalidRegistrationException {
        return oneAtATime(() -> correctCurrent(token, request, key, operator));
    }

    private Optional<Household> correctCurrent(TokenId token, JsonNode request, LocalDataKey key, String operator)
            throws InvalidRegistrationException {
        Optional<StoredRegistration> found = current(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredRegistration registration = found.get();
        ObjectNode before = open(registration, key);
        Household corrected = HouseholdJson.read(Corrections.apply(request, before), catalogue,
                LocalDate.now(chain.clock()));
        ObjectNode details = HouseholdChange.newDetails();
        for (String part : List.of("corrections", "addMembers", "addNeeds")) {
            if (request.has(part)) {
                details.set(part, request.get(part));
            }
        }
        details.set("household", HouseholdJson.write(corrected));
        record(EventType.HOUSEHOLD_CORRECTED, registration, operator, details, corrected, key, true);
        return Optional.of(corrected);
    }

    /**
     * Records a change of consent ({@link HouseholdJson#readConsentChange}) and updates the local copy. Empty if
     * not registered here.
     *
     * @throws InvalidRegistrationException naming each problem; nothing was changed
     * @throws NoLocalCopyException if there is no readable local copy holding the current consent
     */
    public Optional<Consent> changeConsent(TokenId token, JsonNode request, LocalDataKey key, String operator)
            throws InvalidRegistrationException {
        return oneAtATime(() -> changeCurrentConsent(token, request, key, operator));
    }

    private Optional<Consent> changeCurrentConsent(TokenId token, JsonNode request, LocalDataKey key,
                                                   String operator) throws InvalidRegistrationException {
        Optional<StoredRegistration> found = current(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredRegistration registration = found.get();
        Household before = HouseholdJson.read(open(registration, key), catalogue, LocalDate.now(chain.clock()));
        HouseholdJson.ConsentChange change = HouseholdJson.readConsentChange(request, before.consent(),
                before.members().size());
        Instant now = chain.now();
        Consent consent = change.consent().recordedBy(operator, now);
        Household after = new Household(before.arrivalDate(), before.origin(), before.languages(), before.phone(),
                consent, before.members());
        ObjectNode details = HouseholdChange.newDetails();
        details.set("consent", HouseholdJson.writeConsent(consent));
        details.put("reason", change.reason());
        record(EventType.CONSENT_CHANGED, registration, operator, details, after, key, false);
        return Optional.of(consent);
    }

    private interface Change<T, E extends Exception> {
        T apply() throws E;
    }

    private <T, E extends Exception> T oneAtATime(Change<T, E> change) throws E {
        changes.lock();
        try {
            return change.apply();
        } finally {
            changes.unlock();
        }
    }

    private void record(EventType type, StoredRegistration registration, String operator, ObjectNode details,
                        Household after, LocalDataKey key, boolean reindex) {
        Instant now = chain.now();
        byte[] localCopy = LocalCopies.encrypt(key, registration.householdId(), after);
        List<byte[]> terms = reindex ? key.blindTerms(HouseholdIndex.terms(after)) : null;
        chain.append(type, now, new HouseholdChange(registration.householdId(), registration.qr(), now, operator,
                details).toJson(), event -> {
                    store.commitChange(event, registration.householdId(), localCopy, terms);
                    return event;
                });
    }

    private Optional<StoredRegistration> current(TokenId token) {
        Optional<StoredRegistration> registration = store.findByToken(token.code());
        if (registration.isEmpty() && store.findRevoked(token.code()).isPresent()) {
            throw new TokenRevokedException();
        }
        return registration;
    }

    private static ObjectNode open(StoredRegistration registration, LocalDataKey key) {
        if (registration.localCopy() == null || registration.shreddedAt() != null) {
            throw new NoLocalCopyException();
        }
        byte[] json = key.decryptHousehold(registration.householdId(), registration.localCopy())
                .orElseThrow(NoLocalCopyException::new);
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("An authenticated local copy is not a JSON object", e);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }
}

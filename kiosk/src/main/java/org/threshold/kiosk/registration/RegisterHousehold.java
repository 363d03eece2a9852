package org.threshold.kiosk.registration;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.search.HouseholdIndex;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.i18n.Phrase;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.ReferralConfirmation;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.ReferralSuggestions;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.store.RegistrationStore.IdempotencyKey;
import org.threshold.kiosk.store.RegistrationStore.NewRegistration;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;
import org.threshold.kiosk.store.StorageGuard;
import org.threshold.kiosk.store.StorageRefusedException;

/**
 * Registers a household: validate, issue a token, seal the event to the hub on top of the chain head, followed by
 * one {@code ReferralRequested} event per referral made, commit the events, token and local copy in one durable
 * transaction, and only then print the card. A registration that returns was committed, whatever the printer did.
 *
 * <p>Events are appended through the {@link EventChain}, so two operators registering at once can never fork the
 * chain. Printing happens outside its lock. A retry with the same {@code Idempotency-Key} (the page's answer was
 * lost, the kiosk crashed) gets the first answer from the store and stores nothing. Thread-safe.
 */
public final class RegisterHousehold {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterHousehold.class);

    private final EventChain chain;
    private final RegistrationStore store;
    private final CardPrinting cards;
    private final NeedsCatalogue catalogue;
    private final SecureRandom random;
    private final StorageGuard storage;
    private final RegistrationReferrals referrals;

    /**
     * How one registration is asked for.
     *
     * @param operator        who registers, recorded with the consent; null records nobody (tools, benchmarks)
     * @param idempotency     the client's key for safe retries; null for none
     * @param checkDuplicates refuse the registration if a household here has a member with the same name skeleton
     *                        and birth year (needs the local data key; the page sends {@code duplicateReviewed} to
     *                        go ahead after checking)
     * @param referrals       the services the operator confirmed referrals to; empty for every suggested referral
     *                        whose legal basis holds
     */
    public record Request(String operator, IdempotencyKey idempotency, boolean checkDuplicates,
                          Optional<List<String>> referrals) {
        static final Request PLAIN = new Request(null, null, false, Optional.empty());

        public Request {
            referrals = referrals.map(List::copyOf);
        }
    }

    public RegisterHousehold(KioskConfig config, SigningKey kioskKey, EventLog events, RegistrationStore store,
                             CardPrinting cards, NeedsCatalogue catalogue, Clock clock, SecureRandom random) {
        this(config, kioskKey, events, store, cards, catalogue, clock, random, null);
    }

    /** @param storage checked before every registration (disk space, database integrity); null checks nothing */
    public RegisterHousehold(KioskConfig config, SigningKey kioskKey, EventLog events, RegistrationStore store,
                             CardPrinting cards, NeedsCatalogue catalogue, Clock clock, SecureRandom random,
                             StorageGuard storage) {
        this(new EventChain(config, kioskKey, events, clock, random), store, cards, catalogue, random, storage,
                new RegistrationReferrals(ReferralData.bundled()));
    }

    public RegisterHousehold(EventChain chain, RegistrationStore store, CardPrinting cards, NeedsCatalogue catalogue,
                             SecureRandom random, StorageGuard storage, RegistrationReferrals referrals) {
        this.referrals = referrals;
        this.chain = chain;
        this.store = store;
        this.cards = cards;
        this.catalogue = catalogue;
        this.random = random;
        this.storage = storage;
    }

    /**
     * Seals every registration from now on to {@code hubKey}: the hub rotated its sealing key. One already being
     * sealed keeps the key it started with, which the hub still holds.
     */
    public void sealTo(SealingPublicKey hubKey) {
        chain.sealTo(hubKey);
    }

    /**
     * The referrals the rules would suggest for this household as it stands, with the consent it records: what the
     * consent step shows before the registration is sent. Stores nothing.
     *
     * @throws InvalidRegistrationException naming every field to correct
     */
    public ReferralSuggestions suggestReferrals(JsonNode householdJson) throws InvalidRegistrationException {
        LocalDate today = LocalDate.now(chain.clock());
        return referrals.suggest(HouseholdJson.read(householdJson, catalogue, today), today, chain.now());
    }

    /** Registers without an operator, idempotency key or duplicate check, making every suggested referral. */
    public RegistrationReceipt register(JsonNode householdJson, Optional<LocalDataKey> localKey)
            throws InvalidRegistrationException {
        return register(householdJson, localKey, Request.PLAIN);
    }

    /**
     * @param localKey the operator's local data key; without one no local copy (and no name index) is kept, and
     *                 no duplicate check can be made
     * @throws InvalidRegistrationException naming every field to correct; nothing was stored
     * @throws StorageRefusedException if the disk is nearly full or the database damaged; nothing was stored
     * @throws PossibleDuplicateException if asked to check and a likely duplicate is registered here
     * @throws IdempotencyKeyReusedException if the key already answered another request
     * @throws ReferralConfirmation.NotConfirmableException if a confirmed referral cannot be made; nothing was
     *                                                      stored
     */
    public RegistrationReceipt register(JsonNode householdJson, Optional<LocalDataKey> localKey, Request request)
            throws InvalidRegistrationException {
        if (request.idempotency() != null) {
            Optional<RegistrationReceipt> first = replay(request.idempotency());
            if (first.isPresent()) {
                return first.get();
            }
        }
        if (storage != null) {
            storage.requireWritable();
        }
        Clock clock = chain.clock();
        Household read = HouseholdJson.read(householdJson, catalogue, LocalDate.now(clock));
        Instant now = chain.now();
        Household household = request.operator() == null ? read : new Household(read.arrivalDate(), read.origin(),
                read.languages(), read.phone(), read.consent().recordedBy(request.operator(), now), read.members());
        if (request.checkDuplicates() && localKey.isPresent()) {
            List<StoredRegistration> candidates = store.findByAnyTerm(
                    localKey.get().blindTerms(HouseholdIndex.duplicateKeys(household)), FindHousehold.MAX_RESULTS);
            if (!candidates.isEmpty()) {
                throw new PossibleDuplicateException(candidates);
            }
        }
        UUID householdId = chain.nextId();
        LocalDate today = LocalDate.now(clock);
        // Before anything is sealed: a referral that cannot be made refuses the whole registration.
        List<byte[]> referralDrafts = referrals.requests(household, householdId, today, now,
                request.referrals(), chain::nextId);
        byte[] localCopy = localKey.map(key -> LocalCopies.encrypt(key, householdId, household)).orElse(null);
        List<byte[]> terms = localKey.map(key -> key.blindTerms(HouseholdIndex.terms(household))).orElse(List.of());
        IssuedToken token = IssuedToken.issue(TokenId.random(random), chain.config().kioskId(), today, chain.kioskKey());
        SignedEvent event = chain.exclusively(() -> {
            if (request.idempotency() != null && store.findIdempotent(request.idempotency().key()).isPresent()) {
                return null; // a retry with the same key committed while this one was being prepared
            }
            byte[] payload = new RegistrationPayload(householdId, chain.config().site(), now, token, household).toJson();
            return chain.appendRegistration(now, payload, referralDrafts, sealed -> {
                store.commit(new NewRegistration(sealed.get(0), householdId, token.id().code(), token.qrPayload(),
                        today, localCopy, terms, request.idempotency(), sealed.subList(1, sealed.size())));
                return sealed.get(0);
            });
        });
        if (event == null) {
            return replay(request.idempotency()).orElseThrow();
        }
        long sequence = event.header().sequence();
        LOG.info("Registration committed as event #{} with {} referral(s)", sequence, referralDrafts.size());
        CardOutcome card = cards.print(token);
        return new RegistrationReceipt(householdId, token.id().shortCode(), token.qrPayload(), sequence, card,
                localCopy != null, false);
    }

    /** The first answer to an idempotency key, from what is stored; nothing is printed again. */
    private Optional<RegistrationReceipt> replay(IdempotencyKey idempotency) {
        return store.findIdempotent(idempotency.key()).map(first -> {
            if (!MessageDigest.isEqual(first.requestSha256(), idempotency.requestSha256())) {
                throw new IdempotencyKeyReusedException();
            }
            StoredRegistration registration = store.findByHousehold(first.householdId()).orElseThrow();
            IssuedToken token = LocalCopies.token(registration);
            CardOutcome card = registration.printed() ? new CardOutcome(registration.card(), true, null)
                    : new CardOutcome(null, false, Phrase.of("print.notPrinted"));
            return new RegistrationReceipt(registration.householdId(), token.id().shortCode(), token.qrPayload(), 0,
                    card, registration.localCopy() != null, true);
        });
    }
}

package org.threshold.kiosk.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.event.EventIds;
import org.threshold.core.event.EventSealer;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.localdata.NameTerms;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.store.RegistrationStore.NewRegistration;
import org.threshold.kiosk.store.StorageGuard;
import org.threshold.kiosk.store.StorageRefusedException;

/**
 * Registers a household: validate, issue a token, seal the event to the hub on top of the chain head,
 * commit event, token and local copy in one durable transaction, and only then print the card. A
 * registration that returns was committed, whatever the printer did.
 *
 * <p>Registrations are serialised from reading the chain head to committing, so two operators
 * registering at once can never fork the chain. Printing happens outside that lock. Thread-safe.
 */
public final class RegisterHousehold {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterHousehold.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KioskConfig config;
    private final SigningKey kioskKey;
    private volatile EventSealer sealer;
    private final EventLog events;
    private final RegistrationStore store;
    private final CardPrinting cards;
    private final NeedsCatalogue catalogue;
    private final Clock clock;
    private final SecureRandom random;
    private final EventIds ids;
    private final ReentrantLock chainLock = new ReentrantLock();
    private final StorageGuard storage;

    public RegisterHousehold(KioskConfig config, SigningKey kioskKey, EventLog events, RegistrationStore store,
                             CardPrinting cards, NeedsCatalogue catalogue, Clock clock, SecureRandom random) {
        this(config, kioskKey, events, store, cards, catalogue, clock, random, null);
    }

    /** @param storage checked before every registration (disk space, database integrity); null checks nothing */
    public RegisterHousehold(KioskConfig config, SigningKey kioskKey, EventLog events, RegistrationStore store,
                             CardPrinting cards, NeedsCatalogue catalogue, Clock clock, SecureRandom random,
                             StorageGuard storage) {
        this.storage = storage;
        this.config = config;
        this.kioskKey = kioskKey;
        this.sealer = new EventSealer(config.kioskId(), kioskKey, config.hubSealing());
        this.events = events;
        this.store = store;
        this.cards = cards;
        this.catalogue = catalogue;
        this.clock = clock;
        this.random = random;
        this.ids = new EventIds(clock, random);
    }

    /**
     * @param localKey the operator's local data key; without one no local copy (and no name index) is kept
     * @throws InvalidRegistrationException naming every field to correct; nothing was stored
     * @throws StorageRefusedException if the disk is nearly full or the database damaged; nothing was stored
     */
    /**
     * Seals every registration from now on to {@code hubKey}: the hub rotated its sealing key. One already being
     * sealed keeps the key it started with, which the hub still holds.
     */
    public void sealTo(SealingPublicKey hubKey) {
        sealer = new EventSealer(config.kioskId(), kioskKey, hubKey);
    }

    public RegistrationReceipt register(JsonNode householdJson, Optional<LocalDataKey> localKey)
            throws InvalidRegistrationException {
        if (storage != null) {
            storage.requireWritable();
        }
        Household household = HouseholdJson.read(householdJson, catalogue, LocalDate.now(clock));
        UUID householdId = ids.next();
        byte[] localCopy = localKey.map(key -> encryptedCopy(key, householdId, household)).orElse(null);
        List<byte[]> nameTerms = localKey.map(key -> key.blindTerms(nameTerms(household))).orElse(List.of());
        IssuedToken token;
        SignedEvent event;
        chainLock.lock();
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            LocalDate today = LocalDate.now(clock);
            token = IssuedToken.issue(TokenId.random(random), config.kioskId(), today, kioskKey);
            byte[] payload = new RegistrationPayload(householdId, config.site(), now, token, household).toJson();
            try {
                event = sealer.seal(events.chainHead(), ids.next(), now, EventType.HOUSEHOLD_REGISTERED, payload);
            } finally {
                Arrays.fill(payload, (byte) 0);
            }
            store.commit(new NewRegistration(event, householdId, token.id().code(), token.qrPayload(), today,
                    localCopy, nameTerms));
        } finally {
            chainLock.unlock();
        }
        long sequence = event.header().sequence();
        LOG.info("Registration committed as event #{}", sequence);
        CardOutcome card = cards.print(token);
        return new RegistrationReceipt(householdId, token.id().shortCode(), token.qrPayload(), sequence, card,
                localCopy != null);
    }

    private static Set<String> nameTerms(Household household) {
        Set<String> terms = new LinkedHashSet<>();
        for (Member member : household.members()) {
            for (String name : Arrays.asList(member.givenName(), member.familyName(), member.givenNameLatin(),
                    member.familyNameLatin())) {
                if (name != null) {
                    terms.addAll(NameTerms.forIndex(name));
                }
            }
        }
        return terms;
    }

    private static byte[] encryptedCopy(LocalDataKey key, UUID householdId, Household household) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(HouseholdJson.write(household));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
        try {
            return key.encryptHousehold(householdId, json);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }
}

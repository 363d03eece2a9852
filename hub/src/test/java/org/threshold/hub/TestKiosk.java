package org.threshold.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;
import org.threshold.core.crypto.SealedPayload;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.EnrolledKiosk;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.EventIds;
import org.threshold.core.event.EventSealer;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Corrections;
import org.threshold.core.registration.HouseholdChange;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;

/**
 * A kiosk as the hub sees it: a real Ed25519 key, real sealing to the hub's key, a real hash chain. It makes
 * registrations the way the kiosk module does, without a kiosk's storage.
 */
final class TestKiosk {
    static final String SITE = "North gate";
    static final Instant REGISTERED_AT = Instant.parse("2026-11-24T09:30:00Z");
    static final String ARABIC_GIVEN_NAME = "نورهان";
    static final String ARABIC_FAMILY_NAME = "الزعبي";
    static final String SCRIPT_NAME = "<script>alert(1)</script>";
    /** Single woman at risk: shareable. */
    static final String OPEN_NEED = "WR-SF";
    /** SGBV during flight: protection staff only. */
    static final String SENSITIVE_NEED = "SV-VF";

    static final String OPERATOR = "supervisor";
    static final String CONSENT_REASON = "Nourhan asked to withdraw referral consent";

    private static final SecureRandom RANDOM = new SecureRandom();

    final String kioskId;
    final SigningKey key;
    private final SealingPublicKey hubKey;
    private final EventSealer sealer;
    private final EventIds ids = new EventIds(Clock.fixed(REGISTERED_AT, ZoneOffset.UTC), RANDOM);
    private ChainPosition position = ChainPosition.GENESIS;

    /** One registration: the event shipped, and what was sealed inside it. */
    record Registration(SignedEvent event, RegistrationPayload payload) {
        IssuedToken token() {
            return payload.token();
        }
    }

    TestKiosk(String kioskId, SealingPublicKey hubKey) {
        this.kioskId = kioskId;
        this.key = SigningKey.generate(RANDOM);
        this.hubKey = hubKey;
        this.sealer = new EventSealer(kioskId, key, hubKey);
    }

    EnrolledKiosk enrollment() {
        return new EnrolledKiosk(kioskId, SITE, key.verifyingKey().toBase64());
    }

    Registration register() {
        return register(household());
    }

    Registration register(Household household) {
        return register(UUID.randomUUID(), household);
    }

    /** Another registration under an existing household id, with a new token: what the read model must refuse. */
    Registration registerUnder(UUID householdId) {
        return register(householdId, household());
    }

    private Registration register(UUID householdId, Household household) {
        IssuedToken token = IssuedToken.issue(TokenId.random(RANDOM), kioskId, LocalDate.of(2026, 11, 24), key);
        RegistrationPayload payload = new RegistrationPayload(householdId, SITE, REGISTERED_AT, token, household);
        SignedEvent event = seal(payload.toJson(), ids.next());
        return new Registration(event, payload);
    }

    List<SignedEvent> registerMany(int count) {
        List<SignedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(register().event());
        }
        return events;
    }

    /** The next event of the chain, with any payload and id: for forks and conflicts. */
    SignedEvent seal(byte[] plaintext, UUID eventId) {
        return seal(EventType.HOUSEHOLD_REGISTERED, plaintext, eventId);
    }

    /** The next event: a referral request, with any payload (a {@code ReferralRequested}'s JSON, or not). */
    SignedEvent refer(byte[] plaintext) {
        return seal(EventType.REFERRAL_REQUESTED, plaintext, ids.next());
    }

    /** The next event: a canonical referral of the registered household's member 0 to {@code service}. */
    Referral refer(Registration registration, String service, Urgency urgency, LegalBasis basis, String... needs) {
        return refer(registration, 0, service, urgency, basis, needs);
    }

    /** A referral of one member of the household, by their place in its member list. */
    Referral refer(Registration registration, int member, String service, Urgency urgency, LegalBasis basis,
                   String... needs) {
        ReferralRequested request = new ReferralRequested(UUID.randomUUID(), registration.payload().householdId(),
                service, urgency, REGISTERED_AT, REGISTERED_AT.plus(urgency.dueIn()), basis,
                List.of(new ReferredPerson(member, List.of(needs))));
        return new Referral(refer(request.toJson()), request);
    }

    /**
     * A registration and referrals of its member 0 to {@code services} made with it, sealed together as the kiosk
     * seals them: the referrals under the secret the registration's HPKE context exports.
     */
    Referred registerReferring(String... services) {
        IssuedToken token = IssuedToken.issue(TokenId.random(RANDOM), kioskId, LocalDate.of(2026, 11, 24), key);
        RegistrationPayload payload = new RegistrationPayload(UUID.randomUUID(), SITE, REGISTERED_AT, token,
                household());
        List<ReferralRequested> requests = java.util.Arrays.stream(services).map(service -> new ReferralRequested(
                UUID.randomUUID(), payload.householdId(), service, Urgency.PRIORITY, REGISTERED_AT,
                REGISTERED_AT.plus(Urgency.PRIORITY.dueIn()), LegalBasis.CONSENT,
                List.of(new ReferredPerson(0, List.of(OPEN_NEED))))).toList();
        List<SignedEvent> sealed = sealer.sealRegistration(position, REGISTERED_AT,
                new EventSealer.Draft(ids.next(), payload.toJson()),
                requests.stream().map(request -> new EventSealer.Draft(ids.next(), request.toJson())).toList());
        position = ChainPosition.after(sealed.get(sealed.size() - 1));
        List<Referral> referrals = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            referrals.add(new Referral(sealed.get(i + 1), requests.get(i)));
        }
        return new Referred(new Registration(sealed.get(0), payload), referrals);
    }

    record Referred(Registration registration, List<Referral> referrals) {
        List<SignedEvent> events() {
            List<SignedEvent> events = new ArrayList<>(List.of(registration.event()));
            referrals.forEach(referral -> events.add(referral.event()));
            return events;
        }
    }

    record Referral(SignedEvent event, ReferralRequested request) {
        UUID id() {
            return request.referralId();
        }
    }

    private SignedEvent seal(EventType type, byte[] plaintext, UUID eventId) {
        SignedEvent event = sealer.seal(position, eventId, REGISTERED_AT, type, plaintext);
        position = ChainPosition.after(event);
        return event;
    }

    /** A change to a registered household, as the kiosk's HouseholdActions records it, by operator "supervisor". */
    SignedEvent change(EventType type, UUID householdId, IssuedToken token, ObjectNode details) {
        Instant at = REGISTERED_AT.plusSeconds(60);
        HouseholdChange change = new HouseholdChange(householdId, token.qrPayload(), at, OPERATOR, details);
        SignedEvent event = sealer.seal(position, ids.next(), at, type, change.toJson());
        position = ChainPosition.after(event);
        return event;
    }

    /** A new token for the household; the event revokes {@code old}. */
    Reissue reissue(UUID householdId, IssuedToken old) {
        IssuedToken fresh = IssuedToken.issue(TokenId.random(RANDOM), kioskId, LocalDate.of(2026, 11, 24), key);
        ObjectNode details = HouseholdChange.newDetails().put("revokedToken", old.qrPayload());
        return new Reissue(change(EventType.TOKEN_REISSUED, householdId, fresh, details), fresh);
    }

    record Reissue(SignedEvent event, IssuedToken token) {
    }

    /** A correction request applied as the kiosk applies it: the event holds the request and the household after. */
    SignedEvent correct(Registration registration, IssuedToken current, JsonNode request) {
        try {
            ObjectNode after = Corrections.apply(request, HouseholdJson.write(registration.payload().household()));
            ObjectNode details = HouseholdChange.newDetails();
            for (String part : List.of("corrections", "addMembers", "addNeeds")) {
                if (request.has(part)) {
                    details.set(part, request.get(part));
                }
            }
            details.set("household", HouseholdJson.write(HouseholdJson.read(after, NeedsCatalogue.bundled(),
                    LocalDate.of(2026, 11, 24))));
            return change(EventType.HOUSEHOLD_CORRECTED, registration.payload().householdId(), current, details);
        } catch (InvalidRegistrationException e) {
            throw new IllegalArgumentException("not a valid correction: " + e.problems(), e);
        }
    }

    /** A change of consent to {@code consent}, with a reason that must never reach the hub's history. */
    SignedEvent changeConsent(Registration registration, IssuedToken current, Consent consent) {
        ObjectNode details = HouseholdChange.newDetails();
        details.set("consent", HouseholdJson.writeConsent(consent));
        details.put("reason", CONSENT_REASON);
        return change(EventType.CONSENT_CHANGED, registration.payload().householdId(), current, details);
    }

    /** The next event, sealed to a key the hub does not hold. */
    SignedEvent sealedToAnotherKey(SealingPublicKey otherKey) {
        EventSealer stranger = new EventSealer(kioskId, key, otherKey);
        SignedEvent event = stranger.seal(position, ids.next(), REGISTERED_AT, EventType.HOUSEHOLD_REGISTERED,
                "{}".getBytes(StandardCharsets.UTF_8));
        position = ChainPosition.after(event);
        return event;
    }

    /** Moves the chain back, as a kiosk restored from an old backup would. */
    void rewindTo(ChainPosition earlier) {
        position = earlier;
    }

    /** The same header and payload, signed by someone without this kiosk's key. */
    static SignedEvent resignedBy(SigningKey other, SignedEvent event) {
        EventHeader header = event.header();
        SealedPayload payload = event.payload();
        return SignedEvent.of(header, payload, other.sign(SignedEvent.unsignedBytes(header, payload)));
    }

    static Household household() {
        Member focalPoint = new Member(ARABIC_GIVEN_NAME, ARABIC_FAMILY_NAME, "Nourhan", "Al-Zoubi", Sex.F,
                LocalDate.of(1990, 3, 1), true, null, "SYR", Relationship.FOCAL_POINT, List.of(OPEN_NEED, SENSITIVE_NEED));
        Member child = new Member(SCRIPT_NAME, null, null, null, Sex.M, null, false, 7, "SYR", Relationship.SON,
                List.of());
        return new Household(LocalDate.of(2026, 11, 23), new Origin("SYR", "Aleppo"), List.of("ar"), null,
                new Consent(true, true), List.of(focalPoint, child));
    }
}

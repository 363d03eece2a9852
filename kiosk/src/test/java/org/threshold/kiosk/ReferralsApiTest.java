package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;
import org.threshold.core.testing.TestClock;
import org.threshold.kiosk.KioskClient.Reply;

/** Referrals made with a registration, over the kiosk's HTTP API, opened as the hub would open them. */
class ReferralsApiTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:30:00Z");

    @TempDir
    Path dataDir;
    private TestDeployment deployment;
    private KioskApp kiosk;
    private KioskClient client;

    @BeforeEach
    void start() throws Exception {
        deployment = TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, false, new TestClock(), null));
        client = new KioskClient(kiosk.port());
        client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    /**
     * A mother with a chronic illness (health, on consent) who is a single woman at risk (shelter, on consent), a
     * daughter of 12 at risk of forced marriage (GBV: only on her own consent) and a separated son of 6 (child
     * protection: on his best interests, consent or not).
     */
    private static ObjectNode family(boolean referralConsent) {
        ObjectNode household = Households.nourhan();
        ((ObjectNode) household.get("consent")).put("referral", referralConsent);
        ArrayNode members = household.withArray("members");
        ((ObjectNode) members.get(0)).putArray("needs").add("SM-CI").add("WR-SF");
        ((ObjectNode) members.get(1)).putArray("needs").add("SC-SC");
        ObjectNode daughter = members.addObject();
        daughter.put("givenName", "لين").put("sex", "F").put("ageEstimate", 12).put("nationality", "SYR")
                .put("relationship", "DAUGHTER").putArray("needs").add("SV-FM");
        return household;
    }

    private static ObjectNode confirming(ObjectNode household, String... services) {
        ArrayNode referrals = household.putArray("referrals");
        for (String service : services) {
            referrals.addObject().put("service", service);
        }
        return household;
    }

    private List<ReferralRequested> referralsSent() throws Exception {
        List<ReferralRequested> referrals = new ArrayList<>();
        List<SignedEvent> events = KioskFiles.events(dataDir);
        for (SignedEvent event : events) {
            if (event.header().type() == EventType.REFERRAL_REQUESTED) {
                referrals.add(ReferralRequested.fromJson(KioskFiles.open(events, event, deployment.hubSealing)));
            }
        }
        return referrals;
    }

    private long totalEvents() throws Exception {
        return client.get("/api/status").body().path("totalEvents").asLong();
    }

    @Test
    void theConsentStepIsShownWhatTheRulesSuggestAndWhatWaitsForConsent() throws Exception {
        Reply reply = client.post("/api/referral-suggestions", family(true));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode referrals = reply.body().path("referrals");
        assertThat(referrals.findValuesAsText("service")).containsExactly("child-protection", "health", "shelter");
        JsonNode childProtection = referrals.get(0);
        assertThat(childProtection.path("basis").asText()).isEqualTo("consent");
        assertThat(childProtection.path("urgency").asText()).isEqualTo("emergency");
        assertThat(childProtection.path("dueAt").asText()).isEqualTo("2026-11-24T10:30:00Z");
        assertThat(childProtection.path("sensitive").asBoolean()).isFalse();
        assertThat(childProtection.path("people").get(0).path("member").asInt()).isEqualTo(1);
        JsonNode withheld = reply.body().path("withheld");
        assertThat(withheld.size()).isEqualTo(1);
        assertThat(withheld.get(0).path("service").asText()).isEqualTo("gbv");
        assertThat(withheld.get(0).path("missing").asText()).isEqualTo("PERSONAL_CONSENT");
        assertThat(withheld.get(0).path("sensitive").asBoolean()).isTrue();
        assertThat(totalEvents()).as("nothing stored").isZero();
    }

    @Test
    void withoutAChoiceEverySuggestedReferralFollowsTheRegistrationInItsChain() throws Exception {
        Reply reply = client.post("/api/households", family(true));

        assertThat(reply.status()).isEqualTo(201);
        List<SignedEvent> events = KioskFiles.events(dataDir);
        assertThat(events).extracting(e -> e.header().type()).containsExactly(EventType.HOUSEHOLD_REGISTERED,
                EventType.REFERRAL_REQUESTED, EventType.REFERRAL_REQUESTED, EventType.REFERRAL_REQUESTED);
        assertThat(events).allMatch(e -> e.signatureValid(deployment.kioskKey.verifyingKey()));
        // Sealed with their registration: under its exported secret, without an encapsulation of their own.
        assertThat(events.subList(1, 4)).allMatch(e -> e.sealedUnder().equals(Optional.of(events.get(0).header()
                .eventId())));
        UUID household = UUID.fromString(reply.body().path("householdId").asText());
        List<ReferralRequested> referrals = referralsSent();
        assertThat(referrals).allMatch(r -> r.householdId().equals(household) && r.requestedAt().equals(NOW)
                && r.basis() == LegalBasis.CONSENT);
        assertThat(referrals).extracting(ReferralRequested::service)
                .containsExactly("child-protection", "health", "shelter");
        ReferralRequested health = referrals.get(1);
        assertThat(health.urgency()).isEqualTo(Urgency.PRIORITY);
        assertThat(health.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(health.people()).containsExactly(new ReferredPerson(0, List.of("SM-CI")));
        assertThat(referrals).noneMatch(r -> r.service().equals("gbv"));
    }

    @Test
    void onlyTheConfirmedReferralsAreMade() throws Exception {
        assertThat(client.post("/api/households", confirming(family(true), "shelter")).status()).isEqualTo(201);

        assertThat(referralsSent()).extracting(ReferralRequested::service).containsExactly("shelter");
    }

    @Test
    void withoutConsentOnlyAReferralOnARecordedLegalBasisIsMade() throws Exception {
        assertThat(client.post("/api/households", family(false)).status()).isEqualTo(201);

        List<ReferralRequested> referrals = referralsSent();
        assertThat(referrals).extracting(ReferralRequested::service, ReferralRequested::basis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("child-protection", LegalBasis.BEST_INTERESTS));
    }

    @Test
    void aReferralThatCannotBeMadeRefusesTheRegistrationWithItsReasonAndStoresNothing() throws Exception {
        Map<String, Reply> replies = Map.of(
                "CONSENT_REQUIRED", client.post("/api/households", confirming(family(false), "health")),
                "PERSONAL_CONSENT_REQUIRED", client.post("/api/households", confirming(family(true), "health", "gbv")),
                "UNKNOWN_SERVICE", client.post("/api/households", confirming(family(true), "helth")),
                "LISTED_TWICE", client.post("/api/households", confirming(family(true), "health", "health")),
                "NOT_SUGGESTED", client.post("/api/households", confirming(family(true), "legal")));

        replies.forEach((reason, reply) -> {
            assertThat(reply.status()).as(reason).isEqualTo(422);
            assertThat(reply.reason()).isEqualTo(reason);
            assertThat(reply.body().path("error").path("field").asText()).startsWith("referrals[");
            assertThat(reply.body().path("error").path("message").asText()).endsWith("Nothing was saved.");
        });
        assertThat(replies.get("PERSONAL_CONSENT_REQUIRED").body().path("error").path("field").asText())
                .isEqualTo("referrals[1].service");
        assertThat(totalEvents()).isZero();
        Reply malformed = client.post("/api/households", family(true).put("referrals", "health"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.reason()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void aGbvReferralWithoutTheSurvivorsOwnConsentIsRefusedInTheOperatorsLanguage() throws Exception {
        Reply arabic = client.post("/api/households?lang=ar", confirming(family(true), "gbv"));
        Reply french = client.post("/api/households?lang=fr", confirming(family(true), "health", "gbv"));

        assertThat(arabic.reason()).isEqualTo("PERSONAL_CONSENT_REQUIRED");
        assertThat(arabic.body().path("error").path("message").asText()).startsWith("تحتاج هذه الإحالة إلى موافقة الشخص نفسه");
        assertThat(french.reason()).isEqualTo("PERSONAL_CONSENT_REQUIRED");
        assertThat(french.body().path("error").path("message").asText())
                .startsWith("Cette orientation demande le consentement de la personne elle-même");
        assertThat(totalEvents()).isZero();
    }

    @Test
    void aChildWhoAssentedWithHerGuardiansConsentIsReferredToGbvOnHerOwnConsent() throws Exception {
        ObjectNode household = family(true);
        ((ObjectNode) household.get("consent")).putArray("children").addObject()
                .put("member", 2).put("guardianConsent", true).put("childAssent", true);

        assertThat(client.post("/api/households", confirming(household, "gbv")).status()).isEqualTo(201);

        ReferralRequested gbv = referralsSent().get(0);
        assertThat(gbv.service()).isEqualTo("gbv");
        assertThat(gbv.basis()).isEqualTo(LegalBasis.CONSENT);
        assertThat(gbv.people()).containsExactly(new ReferredPerson(2, List.of("SV-FM")));
    }

    @Test
    void aRetryWithTheSameKeyMakesNoReferralTwice() throws Exception {
        client.header("Idempotency-Key", UUID.randomUUID().toString());
        Reply first = client.post("/api/households", confirming(family(true), "health", "shelter"));
        Reply retry = client.post("/api/households", confirming(family(true), "health", "shelter"));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body().path("householdId")).isEqualTo(first.body().path("householdId"));
        assertThat(totalEvents()).isEqualTo(3);
        assertThat(client.post("/api/households", confirming(family(true), "health")).reason())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }
}

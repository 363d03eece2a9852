package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdChange;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.core.token.IssuedToken;

/**
 * Issue 10's change events, signed and sealed by a kiosk, synced over HTTP and looked up by token: what the hub's
 * households read model makes of each, in chain order. {@code HouseholdChangesOnPostgresTest} runs them on PostgreSQL.
 */
class HouseholdChangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    private HubFixture hub;
    private HubClient client;
    private TestKiosk.Registration registration;
    private String session;

    @BeforeEach
    void startHub() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
        registration = hub.kiosk.register();
        session = client.sessionToken();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void aReissuedTokenFindsTheHouseholdAndTheRevokedOneAnswers410ByCodeAndByQr() {
        sync(registration.event());
        assertThat(client.lookUp(code(registration.token()), session).status()).isEqualTo(200);
        TestKiosk.Reissue reissue = hub.kiosk.reissue(householdId(), registration.token());
        sync(reissue.event());

        HubClient.Response byOldCode = client.lookUp(code(registration.token()), session);
        HubClient.Response byOldQr = client.lookUp(registration.token().qrPayload(), session);
        HubClient.Response byNewCode = client.lookUp(code(reissue.token()), session);
        HubClient.Response byNewQr = client.lookUp(reissue.token().qrPayload(), session);

        for (HubClient.Response revoked : List.of(byOldCode, byOldQr)) {
            assertThat(revoked.status()).isEqualTo(410);
            assertThat(revoked.reason()).isEqualTo("TOKEN_REVOKED");
            assertThat(revoked.body()).doesNotContain(TestKiosk.ARABIC_GIVEN_NAME, householdId().toString());
        }
        for (HubClient.Response found : List.of(byNewCode, byNewQr)) {
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().get("householdId").asText()).isEqualTo(householdId().toString());
            assertThat(found.json().at("/token/code").asText()).isEqualTo(code(reissue.token()));
            assertThat(found.json().at("/household/members/0/givenName").asText())
                    .isEqualTo(TestKiosk.ARABIC_GIVEN_NAME);
        }
        assertThat(hub.rows("SELECT household_id, event_id FROM revoked_tokens")).containsExactly(
                List.of(householdId().toString(), reissue.event().header().eventId().toString()));
    }

    @Test
    void aLookupOfARevokedTokenIsLoggedWithoutPersonalData() {
        TestKiosk.Reissue reissue = hub.kiosk.reissue(householdId(), registration.token());
        sync(registration.event(), reissue.event());

        client.lookUp(code(registration.token()), session);

        assertThat(hub.rows("SELECT username, action, outcome, household_id FROM access_log"))
                .containsExactly(List.of(HubFixture.OFFICER, "token-lookup", "TOKEN_REVOKED", householdId().toString()));
        assertThat(hub.rows("SELECT * FROM access_log").toString()).doesNotContain(code(registration.token()),
                registration.token().id().code(), TestKiosk.ARABIC_GIVEN_NAME);
    }

    @Test
    void aCorrectionReplacesTheHousehold() {
        sync(registration.event());
        SignedEvent correction = hub.kiosk.correct(registration, registration.token(), correctionRequest());
        sync(correction);

        JsonNode household = client.lookUp(code(registration.token()), session).json().get("household");

        assertThat(household.get("phone").asText()).isEqualTo("+963 555 0101");
        assertThat(household.at("/members/0/givenNameLatin").asText()).isEqualTo("Nurhan");
        assertThat(household.at("/members/0/givenName").asText()).isEqualTo(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(household.get("members")).hasSize(3);
        assertThat(household.at("/members/2/givenName").asText()).isEqualTo("Yusuf");
        assertThat(household.at("/members/1/needs").toString()).contains("SM-CI");
        assertThat(hub.rows("SELECT event_type, operator, summary FROM household_history")).containsExactly(
                List.of("HouseholdCorrected", TestKiosk.OPERATOR, "corrected phone, members[0].givenNameLatin; "
                        + "members added: 1; needs added to members[1]"));
    }

    @Test
    void aConsentChangeReplacesTheConsentAndItsReasonStaysOutOfTheHistory() {
        sync(registration.event());
        Consent withdrawn = new Consent(true, false, "ar", 0, TestKiosk.OPERATOR,
                TestKiosk.REGISTERED_AT.plusSeconds(60), List.of());
        sync(hub.kiosk.changeConsent(registration, registration.token(), withdrawn));
        client.lookUp(code(registration.token()), session); // waits for the projection

        // The lookup shows no consent to any role since need-to-know: the stored household holds it.
        JsonNode household = storedHousehold();

        assertThat(household.at("/consent/registration").asBoolean()).isTrue();
        assertThat(household.at("/consent/referral").asBoolean()).isFalse();
        assertThat(household.at("/consent/recordedBy").asText()).isEqualTo(TestKiosk.OPERATOR);
        assertThat(household.at("/members/0/givenName").asText()).isEqualTo(TestKiosk.ARABIC_GIVEN_NAME);
        List<List<Object>> history = hub.rows("SELECT event_type, summary FROM household_history");
        assertThat(history).containsExactly(List.of("ConsentChanged", "consent changed: givenBy, language, referral"));
        assertThat(hub.rows("SELECT * FROM household_history").toString()).doesNotContain(TestKiosk.CONSENT_REASON,
                "Nourhan", TestKiosk.ARABIC_GIVEN_NAME);
    }

    private JsonNode storedHousehold() {
        try {
            return JSON.readTree(hub.openedHouseholdJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReprintIsRecordedInTheHistoryAndChangesNothingElse() {
        sync(registration.event());
        String before = client.lookUp(code(registration.token()), session).json().toString();
        SignedEvent reprint = hub.kiosk.change(EventType.HOUSEHOLD_CARD_REPRINTED, householdId(), registration.token(),
                HouseholdChange.newDetails().put("copy", true));
        sync(reprint);

        String after = client.lookUp(code(registration.token()), session).json().toString();

        assertThat(after).isEqualTo(before);
        assertThat(hub.rows("SELECT event_id, household_id, event_type, at, kiosk_id, operator, summary "
                + "FROM household_history")).containsExactly(List.of(reprint.header().eventId().toString(),
                householdId().toString(), "HouseholdCardReprinted",
                TestKiosk.REGISTERED_AT.plusSeconds(60).toEpochMilli(), "KIOSK-01", TestKiosk.OPERATOR,
                "card reprinted, marked COPY"));
        assertThat(hub.count("projection_failures")).isZero();
    }

    @Test
    void aRegistrationAndItsChangesInOneBatchAreAppliedInChainOrder() {
        SignedEvent correction = hub.kiosk.correct(registration, registration.token(), correctionRequest());
        TestKiosk.Reissue reissue = hub.kiosk.reissue(householdId(), registration.token());
        SignedEvent consent = hub.kiosk.changeConsent(registration, reissue.token(), new Consent(true, false));
        SignedEvent reprint = hub.kiosk.change(EventType.HOUSEHOLD_CARD_REPRINTED, householdId(), reissue.token(),
                HouseholdChange.newDetails().put("copy", true));
        TestKiosk.Registration later = hub.kiosk.register();
        sync(registration.event(), correction, reissue.event(), consent, reprint, later.event());

        HubClient.Response found = client.lookUp(code(reissue.token()), session);

        assertThat(found.status()).isEqualTo(200);
        // The consent change came after the correction: it kept the corrected household.
        assertThat(found.json().at("/household/members")).hasSize(3);
        assertThat(found.json().at("/household/consent/referral").asBoolean()).isFalse();
        assertThat(client.lookUp(code(registration.token()), session).status()).isEqualTo(410);
        assertThat(client.lookUp(code(later.token()), session).status()).isEqualTo(200);
        assertThat(hub.rows("SELECT event_type FROM household_history WHERE household_id = ? ORDER BY projection_seq",
                householdId().toString())).containsExactly(List.of("HouseholdCorrected"), List.of("TokenReissued"),
                List.of("ConsentChanged"), List.of("HouseholdCardReprinted"));
        assertThat(hub.count("projection_failures")).isZero();
    }

    @Test
    void aChangeForAHouseholdTheHubDoesNotHoldIsRecordedAsAFailureAndBlocksNothing() {
        sync(registration.event());
        UUID unknown = UUID.randomUUID();
        SignedEvent orphan = hub.kiosk.change(EventType.HOUSEHOLD_CARD_REPRINTED, unknown, registration.token(),
                HouseholdChange.newDetails().put("copy", true));
        TestKiosk.Reissue reissue = hub.kiosk.reissue(householdId(), registration.token());
        sync(orphan, reissue.event());

        assertThat(client.lookUp(code(reissue.token()), session).status()).isEqualTo(200);
        assertThat(hub.rows("SELECT event_id, reason FROM projection_failures")).containsExactly(List.of(
                orphan.header().eventId().toString(),
                "the household is not in the read model: its registration was skipped"));
        assertThat(hub.count("household_history")).isEqualTo(1);
    }

    @Test
    void onlyTheRegisteringKiosksChainMayChangeAHousehold() {
        sync(registration.event());
        TestKiosk other = hub.newKiosk("KIOSK-02");
        hub.enroll(other);
        TestKiosk.Reissue foreign = other.reissue(householdId(), registration.token());
        assertThat(client.sync("KIOSK-02", List.of(foreign.event())).status()).isEqualTo(200);

        assertThat(client.lookUp(code(registration.token()), session).status()).isEqualTo(200);
        assertThat(client.lookUp(code(foreign.token()), session).status()).isEqualTo(404);
        assertThat(hub.rows("SELECT reason FROM projection_failures")).containsExactly(List.of("changed by kiosk "
                + "KIOSK-02 but registered by kiosk KIOSK-01: only the registering kiosk's chain orders its changes"));
        assertThat(hub.count("revoked_tokens")).isZero();
    }

    @Test
    void aReissueOfATokenThatIsNoLongerCurrentIsRefusedWholly() {
        TestKiosk.Reissue first = hub.kiosk.reissue(householdId(), registration.token());
        TestKiosk.Reissue stale = hub.kiosk.reissue(householdId(), registration.token());
        sync(registration.event(), first.event(), stale.event());

        assertThat(client.lookUp(code(first.token()), session).status()).isEqualTo(200);
        assertThat(client.lookUp(code(stale.token()), session).status()).isEqualTo(404);
        assertThat(hub.rows("SELECT event_id, reason FROM projection_failures")).containsExactly(List.of(
                stale.event().header().eventId().toString(),
                "the revoked token is not the household's current token"));
        assertThat(hub.count("revoked_tokens")).isEqualTo(1);
        assertThat(hub.count("household_history")).isEqualTo(1);
    }

    @Test
    void anInvalidCorrectedHouseholdIsRefusedAndTheStoredOneStays() {
        sync(registration.event());
        ObjectNode details = HouseholdChange.newDetails();
        ObjectNode broken = HouseholdJson.write(registration.payload().household());
        broken.putArray("members");
        details.set("household", broken);
        SignedEvent correction = hub.kiosk.change(EventType.HOUSEHOLD_CORRECTED, householdId(), registration.token(),
                details);
        sync(correction);

        JsonNode household = client.lookUp(code(registration.token()), session).json().get("household");

        assertThat(household.get("members")).hasSize(2);
        assertThat(hub.rows("SELECT reason FROM projection_failures")).containsExactly(
                List.of("the changed household is invalid at [members]"));
        assertThat(hub.count("household_history")).isZero();
    }

    private JsonNode correctionRequest() {
        Member added = new Member("Yusuf", null, "Yusuf", null, Sex.M, null, false, 4, "SYR", Relationship.SON,
                List.of());
        JsonNode member = HouseholdJson.write(new Household(LocalDate.of(2026, 11, 23), new Origin("SYR", null),
                List.of("ar"), null, new Consent(true, true), List.of(added))).at("/members/0");
        ObjectNode request = JSON.createObjectNode();
        ArrayNode corrections = request.putArray("corrections");
        corrections.addObject().put("field", "phone").put("value", "+963 555 0101");
        corrections.addObject().put("member", 0).put("field", "givenNameLatin").put("value", "Nurhan");
        request.putArray("addMembers").add(member);
        request.putArray("addNeeds").addObject().put("member", 1).putArray("needs").add("SM-CI");
        return request;
    }

    private void sync(SignedEvent... events) {
        assertThat(client.sync("KIOSK-01", List.of(events)).status()).isEqualTo(200);
    }

    private UUID householdId() {
        return registration.payload().householdId();
    }

    private static String code(IssuedToken token) {
        return token.id().shortCode();
    }
}

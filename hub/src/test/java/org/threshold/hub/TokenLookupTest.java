package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;

class TokenLookupTest {
    @TempDir
    Path dataDir;

    /** SQLite in the data folder; {@code OnPostgres} runs every test here on PostgreSQL. */
    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }
    private HubFixture hub;
    private HubClient client;
    private TestKiosk.Registration registration;
    private String session;

    @BeforeEach
    void syncOneHousehold() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
        registration = hub.kiosk.register();
        assertThat(client.sync("KIOSK-01", List.of(registration.event())).status()).isEqualTo(200);
        session = client.sessionToken();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void findsTheHouseholdByItsShortCodeRightAfterSync() {
        String code = registration.token().id().shortCode();

        HubClient.Response response = client.lookUp(code, session);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("householdId").asText()).isEqualTo(registration.payload().householdId().toString());
        assertThat(body.get("site").asText()).isEqualTo(TestKiosk.SITE);
        assertThat(body.get("registeredAt").asText()).isEqualTo(TestKiosk.REGISTERED_AT.toString());
        assertThat(body.at("/token/code").asText()).isEqualTo(code);
        assertThat(body.at("/token/kioskId").asText()).isEqualTo("KIOSK-01");
        assertThat(body.at("/token/issuedOn").asText()).isEqualTo("2026-11-24");
        assertThat(body.at("/household/members/0/givenName").asText()).isEqualTo(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(body.at("/household/members/0/familyNameLatin").asText()).isEqualTo("Al-Zoubi");
        assertThat(body.at("/household/members/1/givenName").asText()).isEqualTo(TestKiosk.SCRIPT_NAME);
    }

    @Test
    void readsCodesTheWayPeopleTypeThem() {
        String typed = registration.token().id().shortCode().replace("-", " ").toLowerCase();

        assertThat(client.lookUp(typed, session).status()).isEqualTo(200);
    }

    @Test
    void findsTheHouseholdByItsScannedQrPayload() {
        HubClient.Response response = client.lookUp(registration.token().qrPayload(), session);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/household/members/0/givenName").asText()).isEqualTo(TestKiosk.ARABIC_GIVEN_NAME);
    }

    @Test
    void refusesAQrCodeNotSignedByTheKioskItNames() {
        IssuedToken forged = IssuedToken.issue(registration.token().id(), "KIOSK-01", LocalDate.of(2026, 11, 24),
                SigningKey.generate(new SecureRandom()));

        HubClient.Response response = client.lookUp(forged.qrPayload(), session);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.reason()).isEqualTo("FORGED");
        assertThat(response.body()).doesNotContain(TestKiosk.ARABIC_GIVEN_NAME);
    }

    @Test
    void refusesAQrCodeFromAKioskThisHubDoesNotKnow() {
        IssuedToken foreign = IssuedToken.issue(TokenId.random(new SecureRandom()), "KIOSK-99",
                LocalDate.of(2026, 11, 24), SigningKey.generate(new SecureRandom()));

        HubClient.Response response = client.lookUp(foreign.qrPayload(), session);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.reason()).isEqualTo("UNKNOWN_KIOSK");
    }

    @Test
    void aValidTokenNotAtTheHubIsNotFound() {
        String unknown = TokenId.random(new SecureRandom()).shortCode();

        HubClient.Response response = client.lookUp(unknown, session);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.reason()).isEqualTo("NOT_FOUND");
        assertThat(response.json().at("/error/message").asText()).isEqualTo("No household with this token has "
                + "reached the hub yet. If it was registered today, the kiosk may not have synced.");
    }

    @Test
    void aMistypedCodeIsCaughtByItsCheckCharacter() {
        String code = registration.token().id().shortCode();
        String swapped = code.charAt(1) + "" + code.charAt(0) + code.substring(2);
        String typo = code.charAt(0) == code.charAt(1) ? code.substring(0, 2) + code.charAt(3) + code.charAt(2)
                + code.substring(4) : swapped;

        HubClient.Response response = client.lookUp(typo, session);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("CHECK_MISMATCH");
    }

    @Test
    void refusesTextThatIsNotAToken() {
        HubClient.Response response = client.lookUp("hello", session);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("MALFORMED");
    }

    @Test
    void needsAValidUnexpiredSession() {
        String code = registration.token().id().shortCode();

        HubClient.Response none = client.get("/api/tokens/" + code);
        HubClient.Response made = client.lookUp(code, "not-a-session");
        hub.clock.advance(Duration.ofHours(12).plusSeconds(1));
        HubClient.Response expired = client.lookUp(code, session);

        for (HubClient.Response response : List.of(none, made, expired)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.reason()).isEqualTo("UNAUTHENTICATED");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(hub.count("access_log")).isZero();
    }

    @Test
    void logsEachReadWithoutPersonalData() {
        String code = registration.token().id().shortCode();
        client.lookUp(code, session);

        List<List<Object>> log = hub.rows("SELECT at, username, action, outcome, household_id FROM access_log");

        assertThat(log).hasSize(1);
        assertThat(log.get(0).get(0)).isEqualTo(HubFixture.START.toEpochMilli());
        assertThat(log.get(0).subList(1, 5)).containsExactly(HubFixture.OFFICER, "token-lookup", "FOUND",
                registration.payload().householdId().toString());
        String everything = hub.rows("SELECT * FROM access_log").toString();
        assertThat(everything).doesNotContain(TestKiosk.ARABIC_GIVEN_NAME, "Nourhan", code,
                registration.token().id().code());
    }

    @Test
    void logsFailedAndForgedLookupsWithoutWhatWasTyped() {
        String code = registration.token().id().shortCode();
        String unknown = TokenId.random(new SecureRandom()).shortCode();
        String mistyped = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
        String forged = IssuedToken.issue(registration.token().id(), "KIOSK-01", LocalDate.of(2026, 11, 24),
                SigningKey.generate(new SecureRandom())).qrPayload();

        assertThat(client.lookUp(unknown, session).status()).isEqualTo(404);
        assertThat(client.lookUp(mistyped, session).status()).isEqualTo(400);
        assertThat(client.lookUp(forged, session).status()).isEqualTo(422);
        assertThat(client.lookUp("hello", session).status()).isEqualTo(400);

        List<List<Object>> log = hub.rows("SELECT username, action, outcome, household_id FROM access_log ORDER BY id");
        assertThat(log).containsExactly(
                java.util.Arrays.asList(HubFixture.OFFICER, "token-lookup", "NOT_FOUND", null),
                java.util.Arrays.asList(HubFixture.OFFICER, "token-lookup", "CHECK_MISMATCH", null),
                java.util.Arrays.asList(HubFixture.OFFICER, "token-lookup", "FORGED", null),
                java.util.Arrays.asList(HubFixture.OFFICER, "token-lookup", "MALFORMED", null));
        String everything = hub.rows("SELECT * FROM access_log").toString();
        assertThat(everything).doesNotContain(code, unknown, mistyped, forged, registration.token().id().code(),
                registration.payload().householdId().toString());
    }

    @Test
    void anEventThatDoesNotOpenIsRecordedAndSkippedWithoutBlockingTheNext() {
        var unreadable = hub.kiosk.sealedToAnotherKey(HubSealing.generate(new SecureRandom()).publicKey());
        TestKiosk.Registration next = hub.kiosk.register();
        client.sync("KIOSK-01", List.of(unreadable, next.event()));

        HubClient.Response response = client.lookUp(next.token().id().shortCode(), session);

        assertThat(response.status()).isEqualTo(200);
        List<List<Object>> failures = hub.rows("SELECT event_id, reason FROM projection_failures");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).get(0)).isEqualTo(unreadable.header().eventId().toString());
        assertThat((String) failures.get(0).get(1)).contains("keys.json does not hold");
    }

    @Test
    void aSecondTokenForAHeldHouseholdIdIsRecordedAsAFailureAndBlocksNothing() {
        TestKiosk.Registration clash = hub.kiosk.registerUnder(registration.payload().householdId());
        TestKiosk.Registration next = hub.kiosk.register();
        client.sync("KIOSK-01", List.of(clash.event(), next.event()));

        HubClient.Response clashing = client.lookUp(clash.token().id().shortCode(), session);
        HubClient.Response following = client.lookUp(next.token().id().shortCode(), session);
        HubClient.Response original = client.lookUp(registration.token().id().shortCode(), session);

        assertThat(clashing.status()).isEqualTo(404);
        assertThat(following.status()).isEqualTo(200);
        assertThat(original.status()).isEqualTo(200);
        assertThat(hub.rows("SELECT event_id, reason FROM projection_failures")).containsExactly(
                List.of(clash.event().header().eventId().toString(), "household id already projected under another token"));
    }
}

package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.Bytes;
import org.threshold.hub.app.Refusal;

class LoginTest {
    @TempDir
    Path dataDir;

    /** SQLite in the data folder; {@code OnPostgres} runs every test here on PostgreSQL. */
    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }
    private HubFixture hub;
    private HubClient client;

    @BeforeEach
    void startHub() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void theRightPasswordOpensASessionStoredOnlyAsItsHash() {
        var response = client.login(HubFixture.ADMIN, HubFixture.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        String token = response.json().get("sessionToken").asText();
        byte[] secret = Base64.getUrlDecoder().decode(token);
        assertThat(secret).hasSize(32);
        List<List<Object>> sessions = hub.rows("SELECT token_hash, username, expires_at FROM sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get(0)).isEqualTo(Bytes.sha256(secret));
        assertThat(sessions.get(0).get(1)).isEqualTo(HubFixture.ADMIN);
        assertThat(sessions.get(0).get(2)).isEqualTo(HubFixture.START.plus(Duration.ofHours(12)).toEpochMilli());
        assertThat((String) hub.rows("SELECT password_hash FROM users").get(0).get(0)).startsWith("argon2id$")
                .doesNotContain(HubFixture.PASSWORD);
        assertThat(hub.rows("SELECT role FROM users WHERE username = ?", HubFixture.ADMIN)).containsExactly(List.of("ADMIN"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        var wrongPassword = client.login(HubFixture.ADMIN, "wrong");
        var unknownUser = client.login("nobody", HubFixture.PASSWORD);

        for (var response : List.of(wrongPassword, unknownUser)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":{\"reason\":\"BAD_CREDENTIALS\","
                    + "\"message\":\"Wrong username or password.\"}}");
        }
        assertThat(hub.count("sessions")).isZero();
    }

    @Test
    void aSourceThatKeepsGuessingWaitsLongerEachTimeButIsNeverLockedOut() {
        for (int i = 0; i < 5; i++) {
            assertThat(client.login(HubFixture.ADMIN, "guess number " + i).status()).isEqualTo(401);
        }
        var held = client.login(HubFixture.ADMIN, HubFixture.PASSWORD);
        hub.clock.advance(Duration.ofSeconds(1));
        var sixthGuess = client.login(HubFixture.ADMIN, "guess number 6");
        var heldLonger = client.login(HubFixture.ADMIN, HubFixture.PASSWORD);
        hub.clock.advance(Duration.ofSeconds(2));
        var rightPassword = client.login(HubFixture.ADMIN, HubFixture.PASSWORD);

        assertThat(held.status()).isEqualTo(429);
        assertThat(held.reason()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(held.header("Retry-After")).isEqualTo("1");
        assertThat(sixthGuess.status()).isEqualTo(401);
        assertThat(heldLonger.status()).isEqualTo(429);
        assertThat(heldLonger.header("Retry-After")).isEqualTo("2");
        assertThat(rightPassword.status()).isEqualTo(200);
        assertThat(hub.rows("SELECT throttle_key FROM sign_in_throttles WHERE failures > 0"))
                .containsExactly(List.of("source:127.0.0.1"));
    }

    @Test
    void someoneHammeringAColleaguesAccountDoesNotKeepTheColleagueOut() {
        var accounts = hub.server().services().accounts();
        Refusal attacker = null;
        for (int i = 0; i < 12; i++) {
            try {
                accounts.login(HubFixture.ADMIN, ("guess number " + i).toCharArray(), "203.0.113.9");
            } catch (Refusal refusal) {
                attacker = refusal;
            }
        }
        long started = System.nanoTime();
        String session = accounts.login(HubFixture.ADMIN, HubFixture.PASSWORD.toCharArray(), "10.0.0.5");
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

        assertThat(attacker.reason()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(accounts.authenticate(session)).isPresent();
        // The account's own count slows every attempt on it a little (at most 2 s), and refuses none.
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(10));
        assertThat(hub.rows("SELECT failures FROM sign_in_throttles WHERE throttle_key = ?", "account:amal")).isEmpty();
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesOrTwelveHoursWhateverItsUse() {
        String idle = client.sessionToken();
        String busy = client.sessionToken();
        for (int minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
            hub.clock.advance(Duration.ofMinutes(20));
            assertThat(client.get("/api/me", "Authorization", "Bearer " + busy).status()).as("at %d min", minutes)
                    .isEqualTo(200);
        }
        var idledOut = client.get("/api/me", "Authorization", "Bearer " + idle);
        hub.clock.advance(Duration.ofMinutes(20));
        var tooOld = client.get("/api/me", "Authorization", "Bearer " + busy);

        assertThat(idledOut.status()).isEqualTo(401);
        assertThat(tooOld.status()).isEqualTo(401);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        var response = client.post("/api/login", "username=amal&password=x".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("MALFORMED_JSON");
        assertThat(response.body()).doesNotContain("amal");
    }

    @Test
    void onlyJsonDeclaredAsJsonIsReadAndReadStrictly() {
        byte[] json = ("{\"username\":\"" + HubFixture.ADMIN + "\",\"password\":\"" + HubFixture.PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] trailing = ("{\"username\":\"" + HubFixture.ADMIN + "\",\"password\":\"" + HubFixture.PASSWORD
                + "\"} {}").getBytes(StandardCharsets.UTF_8);
        byte[] twice = ("{\"username\":\"x\",\"username\":\"" + HubFixture.ADMIN + "\",\"password\":\""
                + HubFixture.PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8);

        var plain = client.post("/api/login", json, "Content-Type", "text/plain");
        var untyped = client.post("/api/login", json);
        var trailingTokens = client.post("/api/login", trailing, "Content-Type", "application/json");
        var duplicateKey = client.post("/api/login", twice, "Content-Type", "application/json; charset=utf-8");

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.reason()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(untyped.status()).isEqualTo(415);
        assertThat(trailingTokens.status()).isEqualTo(400);
        assertThat(trailingTokens.reason()).isEqualTo("MALFORMED_JSON");
        assertThat(duplicateKey.status()).isEqualTo(400);
        assertThat(duplicateKey.reason()).isEqualTo("MALFORMED_JSON");
    }
}

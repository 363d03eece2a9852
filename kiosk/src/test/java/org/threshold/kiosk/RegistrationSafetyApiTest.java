package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.TestClock;
import org.threshold.kiosk.KioskClient.Reply;

/**
 * The duplicate prompt, safe retries across a restart, errors in the operator's language at their fields, and
 * the hub's status right after start; all over real HTTP.
 */
class RegistrationSafetyApiTest {
    @TempDir
    Path dataDir;
    private KioskApp kiosk;

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private KioskClient started() throws Exception {
        return started(new TestClock());
    }

    private KioskClient started(TestClock clock) throws Exception {
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, false, clock, null));
        KioskClient client = new KioskClient(kiosk.port());
        client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE);
        return client;
    }

    private static ObjectNode unreviewed() {
        ObjectNode household = Households.nourhan();
        household.remove("duplicateReviewed");
        return household;
    }

    @Test
    void a_household_registered_again_gets_the_duplicate_prompt_with_the_candidates_tokens() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        KioskClient client = started();
        String first = client.post("/api/households", unreviewed()).body().path("token").path("code").asText();
        ObjectNode latinOnly = unreviewed();
        ((ObjectNode) latinOnly.get("members").get(0)).put("givenName", "Nourhan").put("familyName", "Al Zoubi");
        latinOnly.withArray("members").remove(1);

        Reply again = client.post("/api/households", latinOnly);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.reason()).isEqualTo("POSSIBLE_DUPLICATE");
        assertThat(again.body().path("error").path("candidates").get(0).path("token").path("code").asText())
                .isEqualTo(first);
        assertThat(again.body().path("error").path("message").asText()).startsWith("A household registered here");
        assertThat(again.body().toString()).doesNotContain("Nourhan");
        assertThat(client.get("/api/status").body().path("totalEvents").asLong()).as("nothing stored").isEqualTo(1);

        ObjectNode otherYear = unreviewed();
        ((ObjectNode) otherYear.get("members").get(0)).put("birthDate", "1991-03-01");
        otherYear.withArray("members").remove(1);
        assertThat(client.post("/api/households", otherYear).status()).as("another birth year").isEqualTo(201);

        latinOnly.put("duplicateReviewed", true);
        assertThat(client.post("/api/households", latinOnly).status()).isEqualTo(201);
    }

    @Test
    void an_idempotency_key_is_kept_seven_days_then_forgotten_at_start() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        KioskClient client = started();
        String key = UUID.randomUUID().toString();
        client.header("Idempotency-Key", key);
        Reply first = client.post("/api/households", Households.nourhan());
        kiosk.close();
        kiosk = null;

        client = started(new TestClock(TestClock.START.plus(Duration.ofDays(6))));
        client.header("Idempotency-Key", key);
        assertThat(client.post("/api/households", Households.nourhan()).headers().firstValue("Idempotent-Replayed"))
                .as("six days on, still answered").contains("true");
        kiosk.close();
        kiosk = null;

        KioskClient late = started(new TestClock(TestClock.START.plus(Duration.ofDays(7)).plusSeconds(60)));
        late.header("Idempotency-Key", key);
        Reply[] retry = new Reply[1];
        Eventually.await(Duration.ofSeconds(20), "the expired key is forgotten", () -> {
            try {
                retry[0] = late.post("/api/households", Households.nourhan());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return retry[0].headers().firstValue("Idempotent-Replayed").isEmpty();
        });
        assertThat(retry[0].status()).isEqualTo(201);
        assertThat(retry[0].body().path("householdId")).isNotEqualTo(first.body().path("householdId"));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_after_a_restart_gets_the_first_answer_and_stores_nothing()
            throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        KioskClient client = started();
        String key = UUID.randomUUID().toString();
        client.header("Idempotency-Key", key);
        Reply first = client.post("/api/households", Households.nourhan());
        assertThat(first.status()).isEqualTo(201);
        kiosk.close();
        kiosk = null;

        client = started();
        client.header("Idempotency-Key", key);
        Reply retry = client.post("/api/households", Households.nourhan());

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body().path("householdId")).isEqualTo(first.body().path("householdId"));
        assertThat(retry.body().path("token")).isEqualTo(first.body().path("token"));
        assertThat(retry.body().path("printed").asBoolean()).isTrue();
        assertThat(client.get("/api/status").body().path("totalEvents").asLong()).isEqualTo(1);

        ObjectNode other = Households.nourhan();
        other.put("phone", "+963 555 0199");
        Reply reused = client.post("/api/households", other);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.reason()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        client.header("Idempotency-Key", "not allowed\u00e9");
        assertThat(client.post("/api/households", Households.nourhan()).reason()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(client.get("/api/status").body().path("totalEvents").asLong()).isEqualTo(1);
    }

    @Test
    void registration_errors_name_their_fields_in_english_or_arabic_with_the_same_reasons() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        KioskClient client = started();
        ObjectNode household = Households.nourhan();
        ObjectNode focal = (ObjectNode) household.get("members").get(0);
        focal.put("givenName", "ن".repeat(101));
        focal.putArray("needs").add("ZZ-ZZ");
        household.put("arrivalDate", "٢٠٢٦-١١-٢٤");

        Reply english = client.post("/api/households", household);
        client.header("Accept-Language", "ar-SY, ar;q=0.9, en;q=0.5");
        Reply arabic = client.post("/api/households", household);

        for (Reply reply : new Reply[] {english, arabic}) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.reason()).isEqualTo("INVALID_REGISTRATION");
            assertThat(reply.body().path("error").path("problems").findValuesAsText("field"))
                    .containsExactly("members[0].givenName", "members[0].needs[0]");
            assertThat(reply.body().toString()).doesNotContain("ZZ-ZZ").doesNotContain("ننن");
        }
        JsonNode en = english.body().path("error");
        JsonNode ar = arabic.body().path("error");
        assertThat(en.path("message").asText()).startsWith("Some fields need correcting");
        assertThat(en.path("problems").get(0).path("message").asText()).isEqualTo("at most 100 characters");
        assertThat(en.path("problems").get(1).path("message").asText()).startsWith("this is not a specific-needs code");
        assertThat(ar.path("message").asText()).startsWith("بعض الحقول تحتاج إلى تصحيح");
        assertThat(ar.path("problems").get(0).path("message").asText()).isEqualTo("100 حرف على الأكثر");
        assertThat(ar.path("problems").get(1).path("message").asText()).startsWith("هذا ليس رمز احتياج خاص");
        client.header("Accept-Language", null);
        assertThat(client.get("/api/households/not-a-code?lang=ar").body().path("error").path("message").asText())
                .startsWith("رمز البطاقة غير صحيح");
        assertThat(client.get("/api/status").body().path("totalEvents").asLong()).isZero();
    }

    @Test
    void the_status_says_online_from_the_hubs_answer_right_after_start() throws Exception {
        try (FakeHub hub = enrolledHub()) {
            KioskClient client = syncingWith(hub);
            assertThat(status(client).path("lastSyncError").isNull()).isTrue();
        }
    }

    @Test
    void the_status_follows_the_hub_going_away_and_coming_back_within_ten_seconds_between_syncs() throws Exception {
        try (FakeHub hub = enrolledHub()) {
            KioskClient client = syncingWith(hub);

            hub.answer(FakeHub.Answer.SERVER_ERROR);
            Eventually.await(Duration.ofSeconds(10), "offline once the hub fails",
                    () -> !status(client).path("online").asBoolean());

            hub.answer(FakeHub.Answer.ACK);
            Eventually.await(Duration.ofSeconds(10), "online once the hub is back",
                    () -> status(client).path("online").asBoolean());
        }
    }

    private FakeHub enrolledHub() throws Exception {
        return new FakeHub(TestDeployment.enroll(dataDir, "http://127.0.0.1:9").hubIdentity, TestDeployment.KIOSK_ID);
    }

    /** A kiosk syncing hourly with {@code hub}, once it has found the hub online at start. */
    private KioskClient syncingWith(FakeHub hub) {
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, hub.url(), false, Clock.systemUTC(),
                Duration.ofHours(1)));
        KioskClient client = new KioskClient(kiosk.port());
        Eventually.await(Duration.ofSeconds(20), "the kiosk asked the hub at start",
                () -> status(client).path("online").asBoolean());
        return client;
    }

    private static JsonNode status(KioskClient client) {
        try {
            return client.get("/api/status").body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

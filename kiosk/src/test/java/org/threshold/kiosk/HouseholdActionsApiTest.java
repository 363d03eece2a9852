package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.TestClock;
import org.threshold.kiosk.KioskClient.Reply;

/**
 * Reprint, reissue, corrections and consent over real HTTP, with the roles enforced on the server: the
 * deployment's first operator is a supervisor, the second works at reception.
 */
class HouseholdActionsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private KioskApp kiosk;
    private KioskClient supervisor;
    private KioskClient reception;

    @BeforeEach
    void start() throws Exception {
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        kiosk = KioskApp.start(new KioskSettings(dataDir, "127.0.0.1", 0, null, false, new TestClock(), null));
        supervisor = new KioskClient(kiosk.port());
        assertThat(supervisor.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE).body().path("role").asText())
                .isEqualTo("SUPERVISOR");
        reception = new KioskClient(kiosk.port());
        assertThat(reception.unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE).body()
                .path("role").asText()).isEqualTo("RECEPTION");
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private String registered() throws Exception {
        Reply reply = reception.post("/api/households", Households.nourhan());
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().path("token").path("code").asText();
    }

    private long totalEvents() throws Exception {
        return supervisor.get("/api/status").body().path("totalEvents").asLong();
    }

    @Test
    void a_reception_operator_may_not_reprint_and_is_told_so_in_their_language() throws Exception {
        String code = registered();

        Reply refused = reception.post("/api/households/" + code + "/reprint", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("SUPERVISOR_REQUIRED");
        assertThat(refused.body().path("error").path("message").asText()).startsWith("Only a supervisor may do this.");

        reception.header("Accept-Language", "ar");
        Reply arabic = reception.post("/api/households/" + code + "/reprint", Map.of());
        assertThat(arabic.reason()).isEqualTo("SUPERVISOR_REQUIRED");
        assertThat(arabic.body().path("error").path("message").asText()).startsWith("هذا الإجراء للمشرف فقط");
        assertThat(totalEvents()).isEqualTo(1);
    }

    @Test
    void a_supervisor_reprints_a_card_marked_as_a_copy_and_the_reprint_is_an_event() throws Exception {
        String code = registered();
        Path original = Path.of(reception.get("/api/households/" + code).body().path("card").asText());
        byte[] originalCard = Files.readAllBytes(original);

        Reply reprinted = supervisor.post("/api/households/" + code + "/reprint", Map.of());

        assertThat(reprinted.status()).isEqualTo(200);
        assertThat(reprinted.body().path("copy").asBoolean()).isTrue();
        assertThat(reprinted.body().path("printed").asBoolean()).isTrue();
        assertThat(Files.readAllBytes(Path.of(reprinted.body().path("card").asText())))
                .as("the copy looks different: it says COPY").isNotEqualTo(originalCard);
        assertThat(totalEvents()).isEqualTo(2);
    }

    @Test
    void a_reissue_gives_a_new_token_and_revokes_the_old_one_at_the_kiosk() throws Exception {
        String old = registered();
        String householdId = reception.get("/api/households/" + old).body().path("householdId").asText();
        assertThat(reception.post("/api/households/" + old + "/reissue", Map.of()).reason())
                .isEqualTo("SUPERVISOR_REQUIRED");

        Reply reissued = supervisor.post("/api/households/" + old + "/reissue", Map.of());

        assertThat(reissued.status()).isEqualTo(201);
        assertThat(reissued.body().path("householdId").asText()).isEqualTo(householdId);
        String fresh = reissued.body().path("token").path("code").asText();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(reissued.body().path("token").path("qr").asText()).startsWith("TH1:");
        assertThat(reissued.body().path("card").asText()).endsWith(".png");
        assertThat(reissued.body().path("revokedCode").asText()).isEqualTo(old);

        Reply lookup = reception.get("/api/households/" + old);
        assertThat(lookup.status()).isEqualTo(410);
        assertThat(lookup.reason()).isEqualTo("TOKEN_REVOKED");
        assertThat(supervisor.post("/api/households/" + old + "/reprint", Map.of()).status()).isEqualTo(410);
        JsonNode found = reception.get("/api/households/" + fresh).body();
        assertThat(found.path("householdId").asText()).isEqualTo(householdId);
        assertThat(found.path("localCopy").asText()).isEqualTo("OPENED");
        assertThat(reception.get("/api/households?name=" + KioskClient.encode(Households.GIVEN_NAME)).body()
                .path("households").get(0).path("token").path("code").asText()).isEqualTo(fresh);
        assertThat(totalEvents()).isEqualTo(2);
    }

    @Test
    void a_supervisor_corrects_a_field_adds_a_member_and_adds_needs() throws Exception {
        String code = registered();
        ObjectNode newborn = (ObjectNode) JSON.readTree("""
                {"givenName":"Мирон","sex":"M","ageEstimate":0,"nationality":"SYR","relationship":"SON","needs":[]}""");
        Map<String, Object> request = Map.of(
                "corrections", List.of(Map.of("member", 0, "field", "givenNameLatin", "value", "Nurhan"),
                        Map.of("field", "phone", "value", "+963 ٥٥٥ ٠١٠١")),
                "addMembers", List.of(newborn),
                "addNeeds", List.of(Map.of("member", 1, "needs", List.of("SM-CI"))));
        assertThat(reception.post("/api/households/" + code + "/corrections", request).reason())
                .isEqualTo("SUPERVISOR_REQUIRED");

        Reply corrected = supervisor.post("/api/households/" + code + "/corrections", request);

        assertThat(corrected.status()).isEqualTo(200);
        JsonNode household = reception.get("/api/households/" + code).body().path("household");
        assertThat(household.path("members").get(0).path("givenNameLatin").asText()).isEqualTo("Nurhan");
        assertThat(household.path("phone").asText()).isEqualTo("+963 555 0101");
        assertThat(household.path("members").get(1).path("needs").get(0).asText()).isEqualTo("SM-CI");
        assertThat(household.path("members")).hasSize(3);
        assertThat(reception.get("/api/households?name=Miron").body().path("households")).hasSize(1);
        assertThat(totalEvents()).isEqualTo(2);
    }

    @Test
    void concurrent_corrections_of_one_household_each_apply_on_top_of_the_others() throws Exception {
        String code = registered();
        int corrections = 6;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(corrections);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(corrections);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < corrections; i++) {
                ObjectNode child = (ObjectNode) JSON.readTree("""
                        {"givenName":"Child","sex":"F","ageEstimate":3,"nationality":"SYR","relationship":"DAUGHTER",
                         "needs":[]}""");
                child.put("givenName", "Child" + (char) ('A' + i));
                KioskClient client = new KioskClient(kiosk.port());
                client.useSessionToken(supervisor.sessionToken());
                answers.add(pool.submit(() -> {
                    together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return client.post("/api/households/" + code + "/corrections",
                            Map.of("addMembers", List.of(child))).status();
                }));
            }
            for (var answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode members = reception.get("/api/households/" + code).body().path("household").path("members");
        assertThat(members.findValuesAsText("givenName")).as("no correction lost")
                .contains("ChildA", "ChildB", "ChildC", "ChildD", "ChildE", "ChildF").hasSize(2 + corrections);
        assertThat(totalEvents()).isEqualTo(1 + corrections);
    }

    @Test
    void a_correction_with_a_long_name_or_an_unknown_code_is_refused_at_the_field_in_the_chosen_language()
            throws Exception {
        String code = registered();
        Map<String, Object> request = Map.of(
                "corrections", List.of(Map.of("member", 1, "field", "givenName", "value", "x".repeat(101)),
                        Map.of("field", "registeredAt", "value", "2020-01-01")),
                "addNeeds", List.of(Map.of("member", 0, "needs", List.of("XX-YY"))));
        supervisor.header("Accept-Language", "fr");

        Reply refused = supervisor.post("/api/households/" + code + "/corrections", request);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("INVALID_CORRECTION");
        assertThat(refused.body().path("error").path("problems").findValuesAsText("field"))
                .containsExactly("corrections[1].field");
        Map<String, Object> valid = Map.of(
                "corrections", List.of(Map.of("member", 1, "field", "givenName", "value", "x".repeat(101))),
                "addNeeds", List.of(Map.of("member", 0, "needs", List.of("XX-YY"))));
        JsonNode problems = supervisor.post("/api/households/" + code + "/corrections", valid).body()
                .path("error").path("problems");
        assertThat(problems.findValuesAsText("field")).containsExactly("members[0].needs[1]", "members[1].givenName");
        assertThat(problems.get(1).path("message").asText()).isEqualTo("au plus 100 caractères");
        assertThat(reception.get("/api/households/" + code).body().path("household").path("members").get(1)
                .path("givenName").asText()).as("nothing stored is harmed").isEqualTo("عمر");
        assertThat(totalEvents()).isEqualTo(1);
    }

    @Test
    void any_operator_changes_consent_with_a_reason_and_the_change_is_recorded() throws Exception {
        String code = registered();

        Reply missingReason = reception.post("/api/households/" + code + "/consent", Map.of("referral", false));
        assertThat(missingReason.reason()).isEqualTo("INVALID_CONSENT");
        assertThat(missingReason.body().path("error").path("problems").findValuesAsText("field")).containsExactly("reason");

        Reply changed = reception.post("/api/households/" + code + "/consent", Map.of("referral", false,
                "reason", "withdrawn at interview", "language", "ar",
                "children", List.of(Map.of("member", 1, "guardianConsent", true, "childAssent", false))));

        assertThat(changed.status()).isEqualTo(200);
        JsonNode consent = reception.get("/api/households/" + code).body().path("household").path("consent");
        assertThat(consent.path("registration").asBoolean()).isTrue();
        assertThat(consent.path("referral").asBoolean()).isFalse();
        assertThat(consent.path("recordedBy").asText()).isEqualTo(TestDeployment.SECOND_OPERATOR);
        assertThat(consent.path("recordedAt").asText()).isNotBlank();
        assertThat(consent.path("language").asText()).isEqualTo("ar");
        assertThat(consent.path("children").get(0).path("childAssent").asBoolean()).isFalse();
        assertThat(totalEvents()).isEqualTo(2);
    }

    @Test
    void a_registration_records_who_took_the_consent_and_when() throws Exception {
        String code = registered();
        JsonNode consent = supervisor.get("/api/households/" + code).body().path("household").path("consent");
        assertThat(consent.path("recordedBy").asText()).isEqualTo(TestDeployment.SECOND_OPERATOR);
        assertThat(consent.path("recordedAt").asText()).isNotBlank();
    }

    @Test
    void a_mistyped_code_gets_the_code_issued_here_that_it_may_mean() throws Exception {
        String code = registered();
        char[] typo = code.toCharArray();
        typo[2] = typo[2] == '7' ? '8' : '7';

        Reply mistyped = reception.get("/api/households/" + new String(typo));

        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.reason()).isEqualTo("CHECK_MISMATCH");
        assertThat(mistyped.body().path("error").path("didYouMean").get(0).asText()).isEqualTo(code);
        assertThat(mistyped.body().path("error").path("didYouMean")).hasSize(1);
        String persianDigits = code.replace('0', '۰').replace('1', '۱').replace('2', '۲').replace('3', '۳')
                .replace('4', '٤').replace('5', '٥').replace('6', '۶').replace('7', '۷').replace('8', '۸')
                .replace('9', '۹');
        assertThat(reception.get("/api/households/" + KioskClient.encode(persianDigits)).status()).isEqualTo(200);
    }

    @Test
    void the_page_gets_a_latin_suggestion_arrival_defaults_and_its_bundles() throws Exception {
        registered();

        assertThat(reception.post("/api/transliterations", Map.of("text", "Амина")).body().path("latin").asText())
                .isEqualTo("Amina");
        assertThat(reception.post("/api/transliterations", Map.of("text", "")).reason()).isEqualTo("INVALID_REQUEST");
        JsonNode defaults = reception.get("/api/arrival-defaults").body();
        assertThat(defaults.path("origin").path("country").asText()).isEqualTo("SYR");
        assertThat(defaults.path("languages").get(0).asText()).isEqualTo("ar");
        assertThat(defaults.path("arrivalDate").asText()).isNotBlank();
        reception.forgetSession();
        assertThat(reception.get("/api/arrival-defaults").reason()).isEqualTo("LOCKED");
        JsonNode bundle = reception.get("/api/messages/errors?lang=fa").body();
        assertThat(bundle.path("dir").asText()).isEqualTo("rtl");
        assertThat(bundle.path("language").asText()).isEqualTo("fa");
        assertThat(bundle.path("messages").path("error.LOCKED").asText()).contains("کیوسک");
        assertThat(reception.get("/api/messages/nothing").status()).isEqualTo(404);
    }

    @Test
    void the_operator_language_is_remembered() throws Exception {
        assertThat(reception.get("/api/session").body().path("language").isNull()).isTrue();
        assertThat(reception.postWithMethod("PUT", "/api/session/language", Map.of("language", "de")).reason())
                .isEqualTo("INVALID_REQUEST");

        assertThat(reception.postWithMethod("PUT", "/api/session/language", Map.of("language", "uk")).status())
                .isEqualTo(200);

        KioskClient again = new KioskClient(kiosk.port());
        Reply unlocked = again.unlock(TestDeployment.SECOND_OPERATOR, TestDeployment.SECOND_PASSPHRASE);
        assertThat(unlocked.body().path("language").asText()).isEqualTo("uk");
        assertThat(again.get("/api/session").body().path("operator").asText())
                .isEqualTo(TestDeployment.SECOND_OPERATOR);
    }
}

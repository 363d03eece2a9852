package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.core.token.TokenId;

class LookupPageTest {
    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;
    private TestKiosk.Registration registration;

    @BeforeEach
    void syncOneHousehold() {
        hub = HubFixture.start(dataDir);
        client = hub.client();
        registration = hub.kiosk.register();
        client.sync("KIOSK-01", List.of(registration.event()));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieAndLeadsToTheLookup() {
        HubClient.Response response = signIn(HubFixture.PASSWORD);

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/lookup");
        assertThat(response.header("Set-Cookie")).startsWith("threshold_session=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/")
                .doesNotContainIgnoringCase("Max-Age").doesNotContainIgnoringCase("Expires");
    }

    @Test
    void aWrongPasswordShowsTheLoginFormAgainWithAMessage() {
        HubClient.Response response = signIn("wrong");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("Wrong username or password.").contains("<form method=\"post\" action=\"/login\">");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void showsTheHouseholdWithNamesInTheirOwnScriptAndEscaped() {
        HubClient.Response page = lookUp(registration.token().id().shortCode());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html").contains("utf-8");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body())
                .contains("<html lang=\"en\">", "<meta charset=\"utf-8\">")
                .contains("<span dir=\"auto\">" + TestKiosk.ARABIC_GIVEN_NAME + " " + TestKiosk.ARABIC_FAMILY_NAME + "</span>")
                .contains("Nourhan Al-Zoubi")
                .contains(TestKiosk.SITE, "2026-11-24", registration.token().id().shortCode())
                .contains("1990-03-01 (estimated)", "about 7 years old (estimated)", "Focal point", "Female")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert");
    }

    @Test
    void anOfficerWhoDoesNotServeGbvSeesItsCodesOnlyAsAProtectedNeed() {
        hub.server().services().accounts().add("omar", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.PROTECTION_OFFICER, "Legal aid NGO", Set.of("legal")));
        String sensitiveLabel = NeedsCatalogue.bundled().require(TestKiosk.SENSITIVE_NEED).label();

        String legalOfficer = lookUpAs("omar", registration.token().id().shortCode()).body();
        String gbvOfficer = lookUp(registration.token().id().shortCode()).body();

        assertThat(legalOfficer).contains(TestKiosk.OPEN_NEED, "protected need (ask protection staff)")
                .doesNotContain(TestKiosk.SENSITIVE_NEED, sensitiveLabel);
        assertThat(gbvOfficer).contains(TestKiosk.OPEN_NEED, TestKiosk.SENSITIVE_NEED)
                .doesNotContain("protected need");
    }

    @Test
    void aCaseworkersScanShowsThatThereIsNoReferralAndNothingPersonal() {
        hub.server().services().accounts().add("leila", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.CASEWORKER, "Health NGO", Set.of("health")));

        HubClient.Response page = lookUpAs("leila", registration.token().id().shortCode());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("no referral to your services")
                .doesNotContain(TestKiosk.ARABIC_GIVEN_NAME, TestKiosk.OPEN_NEED, TestKiosk.SENSITIVE_NEED, "SV-", "TR-");
        assertThat(hub.rows("SELECT action FROM access_log")).containsExactly(List.of("token-scan"));
    }

    @Test
    void explainsATokenNotYetAtTheHubInThePage() {
        HubClient.Response page = lookUp(TokenId.random(new SecureRandom()).shortCode());

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("the kiosk may not have synced");
    }

    @Test
    void withoutASessionThePagesSendYouToSignIn() {
        HubClient.Response page = client.get("/lookup?token=" + registration.token().id().shortCode());

        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/");
        assertThat(page.body()).doesNotContain(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(hub.count("access_log")).isZero();
    }

    @Test
    void signingOutEndsTheSession() {
        String cookie = cookie(signIn(HubFixture.PASSWORD));

        client.post("/logout", new byte[0], "Cookie", cookie);
        HubClient.Response after = client.get("/lookup", "Cookie", cookie);

        assertThat(after.status()).isEqualTo(303);
        assertThat(hub.count("sessions")).isZero();
    }

    private HubClient.Response signIn(String password) {
        return signIn(HubFixture.OFFICER, password);
    }

    private HubClient.Response signIn(String username, String password) {
        return client.postForm("/login", "username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private HubClient.Response lookUp(String token) {
        return lookUpAs(HubFixture.OFFICER, token);
    }

    private HubClient.Response lookUpAs(String username, String token) {
        String cookie = cookie(signIn(username, HubFixture.PASSWORD));
        return client.get("/lookup?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), "Cookie", cookie);
    }

    private static String cookie(HubClient.Response signedIn) {
        return signedIn.header("Set-Cookie").split(";", 2)[0];
    }
}

package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrators' account pages and the hub's messages in the user's language. */
class AdminPagesTest {
    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;
    private String cookie;

    @BeforeEach
    void signInAsAdmin() {
        hub = HubFixture.start(dataDir);
        client = hub.client();
        cookie = "threshold_session=" + client.adminSessionToken();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void anAdministratorAddsChangesAndDisablesAnAccountOnThePage() {
        var added = client.request("POST", "/admin/accounts", ("username=leila&password=twelve+chars+at+least"
                + "&role=CASEWORKER&organisation=Health+NGO&service=health&service=mhpss").getBytes(),
                "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
        var changed = client.request("POST", "/admin/accounts/role",
                "username=leila&role=SUPERVISOR&organisation=Other+NGO&service=gbv".getBytes(), "Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded");
        var disabled = client.request("POST", "/admin/accounts/leila/disable", new byte[0], "Cookie", cookie);
        var list = client.get("/admin/accounts?done=leila", "Cookie", cookie);

        assertThat(added.status()).isEqualTo(303);
        assertThat(added.header("Location")).isEqualTo("/admin/accounts?done=leila");
        assertThat(changed.status()).isEqualTo(303);
        assertThat(disabled.status()).isEqualTo(303);
        assertThat(list.body()).contains("Done: leila.", "<td>leila</td><td>SUPERVISOR</td>", "Other NGO", "gbv",
                "disabled");
        assertThat(client.login("leila", "twelve chars at least").status()).isEqualTo(403);
    }

    @Test
    void refusalsAndPagesSpeakTheUsersLanguage() {
        var tooShort = client.request("POST", "/admin/accounts", "username=omar&password=short&role=DPO".getBytes(),
                "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "fr");
        var arabic = client.get("/admin/accounts?lang=ar", "Cookie", cookie);
        var wrongPassword = client.request("POST", "/api/login",
                "{\"username\":\"amal\",\"password\":\"wrong\"}".getBytes(), "Content-Type", "application/json",
                "Accept-Language", "fr-FR,fr;q=0.9");
        var forbidden = client.get("/api/tokens/7K3M-Q9XD-2HPT-VB6R-F", "Authorization",
                "Bearer " + client.adminSessionToken(), "Accept-Language", "uk");

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("<html lang=\"fr\"", "12 caractères", "Comptes");
        assertThat(arabic.body()).contains("<html lang=\"ar\" dir=\"rtl\"", "الحسابات");
        assertThat(wrongPassword.reason()).isEqualTo("BAD_CREDENTIALS");
        assertThat(wrongPassword.body()).contains("Nom d'utilisateur ou mot de passe incorrect.");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Ваша роль (ADMIN)");
    }

    @Test
    void othersCannotReachThePage() {
        String officer = "threshold_session=" + client.sessionToken();

        assertThat(client.get("/admin/accounts", "Cookie", officer).status()).isEqualTo(403);
        assertThat(client.get("/admin/accounts").status()).isEqualTo(303);
    }
}

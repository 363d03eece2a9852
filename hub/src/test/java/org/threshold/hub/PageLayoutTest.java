package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout every page shares, over HTTP: language and direction, navigation by role, same-origin assets, CSP. */
class PageLayoutTest {
    @TempDir
    Path dataDir;
    private HubFixture hub;
    private HubClient client;

    @BeforeEach
    void startHub() {
        hub = HubFixture.start(dataDir);
        client = hub.client();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void theSignInPageIsInArabicRightToLeftWithScriptsFromTheHubItselfAndNoInlineScript() {
        HubClient.Response page = client.get("/", "Accept-Language", "ar");

        assertThat(page.body()).contains("<html lang=\"ar\" dir=\"rtl\">", "تسجيل الدخول",
                "<script src=\"/assets/htmx.min.js\" defer></script>", "<link rel=\"stylesheet\" href=\"/assets/hub.css\">")
                .doesNotContain("<script>", "style=", "<style");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'",
                "style-src 'self'").doesNotContain("unsafe");
    }

    @Test
    void htmxItsEventsExtensionAndTheStyleSheetAreServedFromTheHub() {
        HubClient.Response htmx = client.get("/assets/htmx.min.js");
        HubClient.Response sse = client.get("/assets/htmx-sse.js");
        HubClient.Response css = client.get("/assets/hub.css");

        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.header("Content-Type")).startsWith("text/javascript");
        assertThat(htmx.body()).contains("htmx");
        assertThat(sse.body()).contains("sse-connect");
        assertThat(css.header("Content-Type")).startsWith("text/css");
    }

    @Test
    void theNavigationOffersEachRoleItsOwnPages() {
        String admin = client.get("/account?lang=fr", "Cookie", "threshold_session=" + client.adminSessionToken())
                .body();
        String officer = client.get("/account", "Cookie", "threshold_session=" + client.sessionToken()).body();

        assertThat(admin).contains("<html lang=\"fr\">", "href=\"/admin/accounts\">Comptes", "Votre compte")
                .doesNotContain("href=\"/lookup\"");
        assertThat(officer).contains("href=\"/lookup\"", "Signed in as <b>" + HubFixture.OFFICER + "</b>")
                .doesNotContain("href=\"/admin/accounts\"");
    }
}

package org.threshold.hub.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threshold.core.i18n.Messages;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.web.pages.Frame.Banner;

/** The layout drawn straight from the precompiled templates: banners, escaping, direction. */
class LayoutTest {
    private static final SignedInUser USER = new SignedInUser("leila<b>", Role.CASEWORKER, "Health NGO",
            Set.of("health"), "session-id");

    @Test
    void everyPageShowsItsBannersAboveTheHeaderAlertsAsAlerts() {
        Frame frame = new Frame(Messages.of(Messages.HUB_UI, Locale.ENGLISH), "Error", USER, false,
                Navigation.forRole(Role.CASEWORKER), List.of(new Banner("Glass broken until 13:00 <now>", true),
                new Banner("A note", false)));

        String page = Templates.render("error.jte", Map.of("frame", frame, "message", "x"));

        assertThat(page).contains("<p class=\"banner alert\" role=\"alert\">Glass broken until 13:00 &lt;now&gt;</p>",
                "<p class=\"banner\" role=\"note\">A note</p>", "<b>leila&lt;b&gt;</b>");
        assertThat(page.indexOf("banner alert")).isLessThan(page.indexOf("<header>"));
    }

    @Test
    void persianPagesReadRightToLeftAndEnglishOnesCarryNoDirection() {
        Frame persian = new Frame(Messages.of(Messages.HUB_UI, Locale.forLanguageTag("fa")), "t", null, true,
                List.of(), List.of());
        Frame english = new Frame(Messages.of(Messages.HUB_UI, Locale.ENGLISH), "t", null, false, List.of(),
                List.of());

        assertThat(Templates.render("login.jte", Map.of("frame", persian))).contains("<html lang=\"fa\" dir=\"rtl\">")
                .contains("class=\"demo\"");
        assertThat(Templates.render("login.jte", Map.of("frame", english))).contains("<html lang=\"en\">")
                .doesNotContain("class=\"demo\"");
    }
}

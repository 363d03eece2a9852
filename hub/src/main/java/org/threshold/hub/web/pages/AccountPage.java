package org.threshold.hub.web.pages;

import java.util.TreeSet;
import org.threshold.core.i18n.Messages;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;

/** The signed-in user's own page: who they are signed in as, their role and services, and the way out. */
final class AccountPage {
    private final SignedInUser user;
    private final Messages ui;
    private final boolean demoMode;

    AccountPage(SignedInUser user, Messages ui, boolean demoMode) {
        this.user = user;
        this.ui = ui;
        this.demoMode = demoMode;
    }

    String render() {
        String services = user.services().isEmpty() ? ui.format("account.noServices")
                : String.join(", ", new TreeSet<>(user.services()));
        String main = "<h2>" + Html.escape(ui.format("account.title")) + "</h2>\n<dl>"
                + "<dt>" + Html.escape(ui.format("account.username")) + "</dt><dd>" + Html.escape(user.username()) + "</dd>"
                + "<dt>" + Html.escape(ui.format("account.role")) + "</dt><dd>" + Html.escape(user.role().name()) + "</dd>"
                + "<dt>" + Html.escape(ui.format("account.organisation")) + "</dt><dd dir=\"auto\">"
                + Html.escape(user.organisation()) + "</dd>"
                + "<dt>" + Html.escape(ui.format("account.services")) + "</dt><dd>" + Html.escape(services) + "</dd></dl>\n"
                + (user.role() == Role.ADMIN ? "<p><a href=\"/admin/accounts\">"
                        + Html.escape(ui.format("account.manage")) + "</a></p>\n" : "");
        return Html.page(ui.format("account.title"), signOut(user), main, demoMode, ui);
    }

    /** The header's "signed in as ... / sign out", shared by every signed-in page. */
    static String signOut(SignedInUser user) {
        return "<form method=\"post\" action=\"/logout\"><span>Signed in as <b>" + Html.escape(user.username())
                + "</b></span> <button type=\"submit\">Sign out</button></form>";
    }
}

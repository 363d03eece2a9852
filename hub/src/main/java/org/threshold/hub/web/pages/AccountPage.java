package org.threshold.hub.web.pages;

import java.util.TreeSet;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;

/** The signed-in user's own page: who they are signed in as, their role and services, and the way out. */
final class AccountPage {
    private final SignedInUser user;
    private final boolean demoMode;

    AccountPage(SignedInUser user, boolean demoMode) {
        this.user = user;
        this.demoMode = demoMode;
    }

    String render() {
        String services = user.services().isEmpty() ? "none" : String.join(", ", new TreeSet<>(user.services()));
        String main = "<h2>Your account</h2>\n<dl><dt>Username</dt><dd>" + Html.escape(user.username()) + "</dd>"
                + "<dt>Role</dt><dd>" + Html.escape(user.role().name()) + "</dd>"
                + "<dt>Organisation</dt><dd dir=\"auto\">" + Html.escape(user.organisation()) + "</dd>"
                + "<dt>Services</dt><dd>" + Html.escape(services) + "</dd></dl>\n"
                + (user.role() == Role.ADMIN ? "<p><a href=\"/admin/accounts\">Manage accounts</a></p>\n" : "");
        return Html.page("Your account", signOut(user), main, demoMode);
    }

    /** The header's "signed in as ... / sign out", shared by every signed-in page. */
    static String signOut(SignedInUser user) {
        return "<form method=\"post\" action=\"/logout\"><span>Signed in as <b>" + Html.escape(user.username())
                + "</b></span> <button type=\"submit\">Sign out</button></form>";
    }
}

package org.threshold.hub.web.pages;

/** The sign-in form, with what went wrong last time if anything did. */
final class LoginPage {
    private LoginPage() {
    }

    static String render(String problem, boolean demoMode) {
        String alert = problem == null ? ""
                : "<p class=\"problem\" role=\"alert\">" + Html.escape(problem) + "</p>\n";
        return Html.page("Sign in", "", alert + """
                <h2>Sign in</h2>
                <form method="post" action="/login">
                <label for="username">Username</label>
                <input id="username" name="username" autocomplete="username" autocapitalize="none" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <div><button type="submit">Sign in</button></div>
                </form>""", demoMode);
    }
}

package org.threshold.hub.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.threshold.core.i18n.Messages;
import org.threshold.core.referral.Service;
import org.threshold.hub.app.account.AccountInfo;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;

/**
 * The administrators' accounts page: every account with its state and actions (disable or enable, end sessions,
 * reset the password), a form to add one and a form to change one's role and services. Everything it does goes
 * through the same account service as {@code provision accounts} and {@code /api/accounts}.
 */
final class AdminAccountsPage {
    private final SignedInUser user;
    private final Messages ui;
    private final List<Service> services;
    private final boolean demoMode;

    AdminAccountsPage(SignedInUser user, Messages ui, List<Service> services, boolean demoMode) {
        this.user = user;
        this.ui = ui;
        this.services = services;
        this.demoMode = demoMode;
    }

    /** @param notice a problem (role="alert") or a confirmation to show above the list; null for none */
    String render(List<AccountInfo> accounts, String notice, boolean problem) {
        StringBuilder main = new StringBuilder();
        if (notice != null) {
            main.append(problem ? "<p class=\"problem\" role=\"alert\">" : "<p role=\"status\">")
                    .append(Html.escape(notice)).append("</p>\n");
        }
        main.append("<h2>").append(text("admin.title")).append("</h2>\n<table>\n<thead><tr>")
                .append(th("account.username")).append(th("account.role")).append(th("account.organisation"))
                .append(th("account.services")).append(th("admin.state")).append(th("admin.actions"))
                .append("</tr></thead>\n<tbody>\n");
        for (AccountInfo account : accounts) {
            String base = "/admin/accounts/" + URLEncoder.encode(account.username(), StandardCharsets.UTF_8);
            main.append("<tr><td>").append(Html.escape(account.username())).append("</td><td>")
                    .append(Html.escape(account.role().name())).append("</td><td dir=\"auto\">")
                    .append(Html.escape(account.organisation())).append("</td><td>")
                    .append(Html.escape(String.join(", ", new TreeSet<>(account.services())))).append("</td><td>")
                    .append(text(account.disabled() ? "admin.disabled" : "admin.active")).append("</td><td>")
                    .append(button(base + (account.disabled() ? "/enable" : "/disable"),
                            account.disabled() ? "admin.enable" : "admin.disable"))
                    .append(button(base + "/sessions/revoke", "admin.endSessions"))
                    .append("<form method=\"post\" action=\"").append(Html.escape(base)).append("/password\">")
                    .append("<label>").append(text("admin.newPassword"))
                    .append(" <input name=\"password\" type=\"password\" autocomplete=\"new-password\" minlength=\"12\" "
                            + "required></label> <button type=\"submit\">").append(text("admin.resetPassword"))
                    .append("</button></form></td></tr>\n");
        }
        main.append("</tbody>\n</table>\n");
        main.append("<h2>").append(text("admin.add")).append("</h2>\n<form method=\"post\" action=\"/admin/accounts\">\n")
                .append(field("username", "account.username", "text"))
                .append(field("password", "admin.password", "password"))
                .append(grantFields("add"))
                .append("<div><button type=\"submit\">").append(text("admin.submitAdd")).append("</button></div>\n</form>\n");
        main.append("<h2>").append(text("admin.change")).append("</h2>\n")
                .append("<form method=\"post\" action=\"/admin/accounts/role\">\n")
                .append(field("username", "account.username", "text").replace("id=\"username\"", "id=\"change-username\"")
                        .replace("for=\"username\"", "for=\"change-username\""))
                .append(grantFields("change"))
                .append("<div><button type=\"submit\">").append(text("admin.submitChange")).append("</button></div>\n</form>");
        return Html.page(ui.format("admin.title"), AccountPage.signOut(user), main.toString(), demoMode, ui);
    }

    private String grantFields(String form) {
        StringBuilder html = new StringBuilder("<label for=\"" + form + "-role\">" + text("account.role") + "</label>\n"
                + "<select id=\"" + form + "-role\" name=\"role\">");
        for (Role role : Role.values()) {
            html.append("<option>").append(role.name()).append("</option>");
        }
        html.append("</select>\n<label for=\"").append(form).append("-organisation\">").append(text("account.organisation"))
                .append("</label>\n<input id=\"").append(form).append("-organisation\" name=\"organisation\" dir=\"auto\">\n")
                .append("<fieldset><legend>").append(text("account.services")).append("</legend>");
        for (Service service : services) {
            html.append("<label><input type=\"checkbox\" name=\"service\" value=\"").append(Html.escape(service.id()))
                    .append("\"> ").append(Html.escape(service.id())).append("</label>");
        }
        return html.append("</fieldset>\n").toString();
    }

    private String field(String name, String label, String type) {
        return "<label for=\"" + name + "\">" + text(label) + "</label>\n<input id=\"" + name + "\" name=\"" + name
                + "\" type=\"" + type + "\" autocomplete=\"off\" autocapitalize=\"none\" required>\n";
    }

    private String button(String action, String label) {
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\"><button type=\"submit\">" + text(label)
                + "</button></form>";
    }

    private String th(String key) {
        return "<th scope=\"col\">" + text(key) + "</th>";
    }

    private String text(String key) {
        return Html.escape(ui.format(key));
    }
}

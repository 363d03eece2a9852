package org.threshold.hub.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.threshold.core.i18n.Messages;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.needs.SpecificNeed;
import org.threshold.core.referral.VisiblePerson;
import org.threshold.core.registration.Sex;
import org.threshold.hub.app.access.HouseholdView;
import org.threshold.hub.app.access.ReferralView;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.HouseholdRecord;

/**
 * The lookup form and what the access policy lets the signed-in user see of the household it found. Names carry
 * {@code dir="auto"} so Arabic, Dari or Tigrinya read in their own direction inside an English page. Need codes the
 * policy hides (and any code the catalogue does not know) show only as "protected need"; a caseworker's scan of a
 * household without referrals to their services shows that, and nothing personal.
 */
final class LookupPage {
    static final String PROTECTED_NEED = "protected need (ask protection staff)";

    private final NeedsCatalogue catalogue;
    private final SignedInUser user;
    private final Messages ui;
    private final boolean demoMode;

    LookupPage(NeedsCatalogue catalogue, SignedInUser user, Messages ui, boolean demoMode) {
        this.catalogue = catalogue;
        this.user = user;
        this.ui = ui;
        this.demoMode = demoMode;
    }

    String form(String typed) {
        return page(searchForm(typed));
    }

    String problem(String typed, String message) {
        return page(searchForm(typed) + "\n<p class=\"problem\" role=\"alert\">" + Html.escape(message) + "</p>");
    }

    String result(String typed, HouseholdView view) {
        HouseholdRecord household = view.record();
        StringBuilder main = new StringBuilder(searchForm(typed));
        main.append("\n<h2>Household</h2>\n<dl>")
                .append("<dt>Token</dt><dd>").append(Html.escape(household.tokenId().shortCode())).append("</dd>");
        if (view instanceof HouseholdView.NoReferral) {
            main.append("</dl>\n<p role=\"status\">").append(Html.escape(ui.format("lookup.noReferral"))).append("</p>");
            return page(main.toString());
        }
        if (view instanceof HouseholdView.Referrals theirs) {
            main.append("</dl>\n").append(referrals(theirs));
            return page(main.toString());
        }
        HouseholdView.Visible visible = (HouseholdView.Visible) view;
        main.append("<dt>Site</dt><dd dir=\"auto\">").append(Html.escape(household.site())).append("</dd>")
                .append("<dt>Registered on</dt><dd>").append(Html.escape(household.tokenIssuedOn().toString()))
                .append("</dd></dl>\n")
                .append("<table>\n<caption>Members</caption>\n<thead><tr><th scope=\"col\">Name</th>"
                        + "<th scope=\"col\">Sex</th><th scope=\"col\">Date of birth</th>"
                        + "<th scope=\"col\">Nationality</th><th scope=\"col\">Relationship</th>"
                        + "<th scope=\"col\">Specific needs</th></tr></thead>\n<tbody>\n");
        for (VisiblePerson member : visible.household().people()) {
            main.append("<tr><td>").append(name(member)).append("</td>")
                    .append("<td>").append(Html.escape(sex(member.sex()))).append("</td>")
                    .append("<td>").append(Html.escape(birth(member))).append("</td>")
                    .append("<td>").append(Html.escape(member.nationality())).append("</td>")
                    .append("<td>").append(Html.escape(words(member.relationship()))).append("</td>")
                    .append("<td>").append(needs(member.needs(), visible.withheldCodes().get(member.member())))
                    .append("</td></tr>\n");
        }
        main.append("</tbody>\n</table>");
        return page(main.toString());
    }

    /** The household's referrals to the caseworker's services, each with the people its service may see. */
    private String referrals(HouseholdView.Referrals theirs) {
        StringBuilder table = new StringBuilder("<table>\n<caption>Referrals</caption>\n<thead><tr>"
                + "<th scope=\"col\">Service</th><th scope=\"col\">Status</th><th scope=\"col\">Due</th>"
                + "<th scope=\"col\">People</th><th scope=\"col\">Specific needs</th></tr></thead>\n<tbody>\n");
        for (ReferralView referral : theirs.referrals()) {
            StringBuilder names = new StringBuilder();
            StringBuilder codes = new StringBuilder();
            for (VisiblePerson member : referral.visible().people()) {
                names.append(names.length() == 0 ? "" : "<br>").append(name(member));
                codes.append(codes.length() == 0 ? "" : "<br>").append(needs(member.needs(), 0));
            }
            table.append("<tr><td>").append(Html.escape(referral.referral().service())).append("</td><td>")
                    .append(Html.escape(referral.referral().status().name())).append("</td><td>")
                    .append(Html.escape(referral.referral().dueAt().toString()))
                    .append(referral.overdue() ? " (overdue)" : "").append("</td><td>").append(names)
                    .append("</td><td>").append(codes).append("</td></tr>\n");
        }
        return table.append("</tbody>\n</table>").toString();
    }

    private String page(String main) {
        return Html.page("Look up a token", AccountPage.signOut(user), main, demoMode);
    }

    private static String searchForm(String typed) {
        return "<form method=\"get\" action=\"/lookup\">\n"
                + "<label for=\"token\">Token code or QR payload</label>\n"
                + "<input id=\"token\" name=\"token\" value=\"" + Html.escape(typed) + "\" autocomplete=\"off\" "
                + "autocapitalize=\"characters\" spellcheck=\"false\" required autofocus>\n"
                + "<div><button type=\"submit\">Look up</button></div>\n</form>";
    }

    private static String name(VisiblePerson member) {
        String original = join(text(member.givenName()), text(member.familyName()));
        String latin = join(text(member.givenNameLatin()), text(member.familyNameLatin()));
        String html = "<span dir=\"auto\">" + Html.escape(original) + "</span>";
        return latin.isEmpty() ? html : html + "<br><span dir=\"auto\" class=\"latin\">" + Html.escape(latin) + "</span>";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String join(String given, String family) {
        return family.isEmpty() ? given : given + " " + family;
    }

    private static String sex(Sex sex) {
        return sex == null ? "Unknown" : switch (sex.name()) {
            case "M" -> "Male";
            case "F" -> "Female";
            case "OTHER" -> "Other";
            default -> "Unknown";
        };
    }

    private static String birth(VisiblePerson member) {
        boolean estimated = Boolean.TRUE.equals(member.birthDateEstimated());
        if (member.birthDate() != null) {
            return member.birthDate() + (estimated ? " (estimated)" : "");
        }
        if (member.ageEstimate() != null) {
            return "about " + member.ageEstimate() + " years old (estimated)";
        }
        return "unknown";
    }

    /** FOCAL_POINT → "Focal point". */
    private static String words(Enum<?> constant) {
        String spaced = constant == null ? "" : constant.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** The codes the policy let through, with their labels; hidden ones only as "protected need". */
    private String needs(List<String> codes, int withheld) {
        List<String> shown = new ArrayList<>();
        boolean anyProtected = withheld > 0;
        for (String code : codes) {
            SpecificNeed need = catalogue.find(code).orElse(null);
            if (need == null) {
                anyProtected = true;
            } else {
                shown.add(Html.escape(need.code() + " " + need.label()));
            }
        }
        if (anyProtected) {
            shown.add("<span class=\"protected\">" + Html.escape(PROTECTED_NEED) + "</span>");
        }
        return shown.isEmpty() ? "none recorded" : String.join("<br>", shown);
    }
}

package org.threshold.hub.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.needs.SpecificNeed;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.app.household.HouseholdRecord;

/**
 * The lookup form and the household it found. Names carry {@code dir="auto"} so Arabic, Dari or Tigrinya
 * read in their own direction inside an English page. Sensitive needs (catalogue-marked, and any code the
 * catalogue does not know) are never shown here: this page may be on a shared screen.
 */
final class LookupPage {
    static final String PROTECTED_NEED = "protected need (ask protection staff)";

    private final NeedsCatalogue catalogue;
    private final SignedInUser user;
    private final boolean demoMode;

    LookupPage(NeedsCatalogue catalogue, SignedInUser user, boolean demoMode) {
        this.catalogue = catalogue;
        this.user = user;
        this.demoMode = demoMode;
    }

    String form(String typed) {
        return page(searchForm(typed));
    }

    String problem(String typed, String message) {
        return page(searchForm(typed) + "\n<p class=\"problem\" role=\"alert\">" + Html.escape(message) + "</p>");
    }

    String result(String typed, HouseholdRecord household) throws JsonProcessingException {
        JsonNode json = HubJson.MAPPER.readTree(household.householdJson());
        StringBuilder main = new StringBuilder(searchForm(typed));
        main.append("\n<h2>Household</h2>\n<dl>")
                .append("<dt>Token</dt><dd>").append(Html.escape(household.tokenId().shortCode())).append("</dd>")
                .append("<dt>Site</dt><dd dir=\"auto\">").append(Html.escape(household.site())).append("</dd>")
                .append("<dt>Registered on</dt><dd>").append(Html.escape(household.tokenIssuedOn().toString()))
                .append("</dd></dl>\n")
                .append("<table>\n<caption>Members</caption>\n<thead><tr><th scope=\"col\">Name</th>"
                        + "<th scope=\"col\">Sex</th><th scope=\"col\">Date of birth</th>"
                        + "<th scope=\"col\">Nationality</th><th scope=\"col\">Relationship</th>"
                        + "<th scope=\"col\">Specific needs</th></tr></thead>\n<tbody>\n");
        for (JsonNode member : json.path("members")) {
            main.append("<tr><td>").append(name(member)).append("</td>")
                    .append("<td>").append(Html.escape(sex(member.path("sex").asText()))).append("</td>")
                    .append("<td>").append(Html.escape(birth(member))).append("</td>")
                    .append("<td>").append(Html.escape(member.path("nationality").asText())).append("</td>")
                    .append("<td>").append(Html.escape(words(member.path("relationship").asText()))).append("</td>")
                    .append("<td>").append(needs(member.path("needs"))).append("</td></tr>\n");
        }
        main.append("</tbody>\n</table>");
        return page(main.toString());
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

    private static String name(JsonNode member) {
        String original = join(member.path("givenName").asText(""), member.path("familyName").asText(""));
        String latin = join(member.path("givenNameLatin").asText(""), member.path("familyNameLatin").asText(""));
        String html = "<span dir=\"auto\">" + Html.escape(original) + "</span>";
        return latin.isEmpty() ? html : html + "<br><span dir=\"auto\" class=\"latin\">" + Html.escape(latin) + "</span>";
    }

    private static String join(String given, String family) {
        return family.isEmpty() ? given : given + " " + family;
    }

    private static String sex(String code) {
        return switch (code) {
            case "M" -> "Male";
            case "F" -> "Female";
            case "OTHER" -> "Other";
            default -> "Unknown";
        };
    }

    private static String birth(JsonNode member) {
        boolean estimated = member.path("birthDateEstimated").asBoolean(false);
        if (member.hasNonNull("birthDate")) {
            return member.get("birthDate").asText() + (estimated ? " (estimated)" : "");
        }
        if (member.hasNonNull("ageEstimate")) {
            return "about " + member.get("ageEstimate").asInt() + " years old (estimated)";
        }
        return "unknown";
    }

    /** FOCAL_POINT → "Focal point". */
    private static String words(String constant) {
        String spaced = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private String needs(JsonNode codes) {
        List<String> shown = new ArrayList<>();
        boolean anyProtected = false;
        for (JsonNode code : codes) {
            SpecificNeed need = catalogue.find(code.asText()).orElse(null);
            if (need == null || need.sensitive()) {
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

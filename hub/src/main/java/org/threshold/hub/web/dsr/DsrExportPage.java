package org.threshold.hub.web.dsr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.threshold.core.i18n.Messages;
import org.threshold.hub.web.pages.Html;

/**
 * The printable form of a data-subject export, for the person it is about: every field the hub holds, labelled in
 * their language ({@code ?lang=}, else the first of the household's own languages the hub speaks, else the reader's
 * browser), right to left where that language is. A field the bundle has no label for is shown by its JSON name, so
 * nothing held is left off the page.
 */
final class DsrExportPage {
    private DsrExportPage() {
    }

    static String render(JsonNode export, String lang, String acceptLanguage) {
        Messages ui = Messages.of(Messages.HUB_UI, language(export, lang, acceptLanguage));
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(ui.locale().toLanguageTag()).append("\" dir=\"").append(ui.rightToLeft() ? "rtl" : "ltr")
                .append("\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(ui.format("dsr.export.title")))
                .append("</title><style>body{font-family:sans-serif;max-width:48em;margin:2em auto}dt{font-weight:bold}"
                        + "dd{margin:0 0 .5em 1.5em}@media print{a{display:none}}</style></head><body><h1>")
                .append(Html.escape(ui.format("dsr.export.title"))).append("</h1><p>")
                .append(Html.escape(ui.format("dsr.export.intro"))).append("</p>");
        html.append("<dl>");
        fields(html, export, ui);
        html.append("</dl></body></html>");
        return html.toString();
    }

    /** Every field of {@code node}, nested objects and lists as nested lists. */
    private static void fields(StringBuilder html, JsonNode node, Messages ui) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            html.append("<dt>").append(Html.escape(label(field.getKey(), ui))).append("</dt><dd>");
            value(html, field.getValue(), ui);
            html.append("</dd>");
        }
    }

    private static void value(StringBuilder html, JsonNode value, Messages ui) {
        if (value.isObject()) {
            html.append("<dl>");
            fields(html, value, ui);
            html.append("</dl>");
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                html.append(Html.escape(ui.format("dsr.export.none")));
            }
            html.append("<ol>");
            value.forEach(item -> {
                html.append("<li>");
                value(html, item, ui);
                html.append("</li>");
            });
            html.append("</ol>");
        } else {
            html.append(Html.escape(value.isNull() ? "" : value.asText()));
        }
    }

    private static String label(String field, Messages ui) {
        String key = "dsr.field." + field;
        return ui.has(key) ? ui.format(key) : field;
    }

    private static Locale language(JsonNode export, String lang, String acceptLanguage) {
        if (lang == null || lang.isBlank()) {
            for (JsonNode spoken : export.path("household").path("languages")) {
                if (Messages.isSupported(Locale.forLanguageTag(spoken.asText()))) {
                    return Messages.pick(spoken.asText(), null);
                }
            }
        }
        return Messages.pick(lang, acceptLanguage);
    }
}

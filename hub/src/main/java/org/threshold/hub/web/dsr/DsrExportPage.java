package org.threshold.hub.web.dsr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threshold.core.i18n.Messages;
import org.threshold.hub.web.pages.Templates;

/**
 * The printable form of a data-subject export, for the person it is about ({@code dsr-export.jte}): every field the
 * hub holds, one row each, nested fields indented, labelled in their language ({@code ?lang=}, else the first of the
 * household's own languages the hub speaks, else the reader's browser), right to left where that language is. A
 * field the bundle has no label for is shown by its JSON name, so nothing held is left off the page.
 */
public final class DsrExportPage {
    private DsrExportPage() {
    }

    /** One field: its depth (as indentation), its label and its value (empty for a group of fields). */
    public record Row(String indent, String label, String value) {
    }

    static String render(JsonNode export, String lang, String acceptLanguage) {
        Messages ui = Messages.of(Messages.HUB_UI, language(export, lang, acceptLanguage));
        Map<String, Object> params = new HashMap<>(Map.of("lang", ui.locale().toLanguageTag(),
                "dir", ui.rightToLeft() ? "rtl" : "ltr", "title", ui.format("dsr.export.title"),
                "intro", ui.format("dsr.export.intro"), "rows", rows(export, ui)));
        JsonNode restricted = export.path("restricted");
        if (restricted.isObject()) {
            // Said first, not only among the rows: the person must see that their data is on hold, since when, why.
            params.put("restricted", ui.format("dsr.export.restricted", Map.of("at", restricted.path("at").asText(),
                    "reason", restricted.path("reason").asText())));
        }
        return Templates.render("dsr-export.jte", params);
    }

    /** Every field of the export, one row each, labelled in {@code ui}'s language. */
    static List<Row> rows(JsonNode export, Messages ui) {
        List<Row> rows = new ArrayList<>();
        fields(rows, export, 0, ui);
        return rows;
    }

    private static void fields(List<Row> rows, JsonNode node, int depth, Messages ui) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            value(rows, label(field.getKey(), ui), field.getValue(), depth, ui);
        }
    }

    private static void value(List<Row> rows, String label, JsonNode value, int depth, Messages ui) {
        String indent = "\u2003".repeat(depth);
        if (value.isObject()) {
            rows.add(new Row(indent, label, ""));
            fields(rows, value, depth + 1, ui);
        } else if (value.isArray()) {
            rows.add(new Row(indent, label, value.isEmpty() ? ui.format("dsr.export.none") : ""));
            int item = 0;
            for (JsonNode element : value) {
                value(rows, String.valueOf(++item), element, depth + 1, ui);
            }
        } else {
            rows.add(new Row(indent, label, value.isNull() ? "" : value.asText()));
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

package org.threshold.core.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.needs.SpecificNeed;

/**
 * Reads a list of code patterns ({@code "codes"} or {@code "needs"}, with an optional {@code "except"}) against the
 * catalogue. A pattern is a code ({@code SC-UC}) or a whole category ({@code SC-*}: {@code SC} and every
 * {@code SC-} code). Anything the catalogue does not hold is an error naming the line.
 */
final class CodePatterns {

    private static final String WILDCARD = "-*";

    /** How a code was matched: by name, or through its category's pattern; {@code at} locates the pattern. */
    record Match(boolean exact, JsonNode at) {
    }

    private CodePatterns() {
    }

    /** The codes matched, in catalogue order. */
    static Map<String, Match> expand(LocatedJson data, JsonNode object, String field, NeedsCatalogue catalogue) {
        Map<String, Match> matched = new LinkedHashMap<>();
        for (JsonNode pattern : data.strings(object, field, false)) {
            String text = pattern.textValue();
            if (text.endsWith(WILDCARD)) {
                List<SpecificNeed> members = category(text.substring(0, text.length() - WILDCARD.length()), catalogue);
                if (members.isEmpty()) {
                    throw data.fail(pattern, "\"" + text + "\" names no category of specific-needs catalogue "
                            + catalogue.version() + ".");
                }
                members.forEach(need -> matched.putIfAbsent(need.code(), new Match(false, pattern)));
            } else {
                requireKnown(data, pattern, catalogue);
                Match earlier = matched.put(text, new Match(true, pattern));
                if (earlier != null && earlier.exact()) {
                    throw data.fail(pattern, text + " is listed twice in \"" + field + "\".");
                }
            }
        }
        for (JsonNode excepted : data.strings(object, "except", true)) {
            requireKnown(data, excepted, catalogue);
            Match match = matched.get(excepted.textValue());
            if (match == null || match.exact()) {
                throw data.fail(excepted, "\"except\": \"" + excepted.textValue() + "\" is not matched by a category "
                        + "pattern of \"" + field + "\", so excepting it means nothing.");
            }
            matched.remove(excepted.textValue());
        }
        Map<String, Match> inCatalogueOrder = new LinkedHashMap<>();
        catalogue.all().stream().map(SpecificNeed::code).filter(matched::containsKey)
                .forEach(code -> inCatalogueOrder.put(code, matched.get(code)));
        return inCatalogueOrder;
    }

    private static List<SpecificNeed> category(String category, NeedsCatalogue catalogue) {
        return catalogue.all().stream()
                .filter(need -> need.code().equals(category) || category.equals(need.parent()))
                .toList();
    }

    private static void requireKnown(LocatedJson data, JsonNode code, NeedsCatalogue catalogue) {
        if (catalogue.find(code.textValue()).isEmpty()) {
            throw data.fail(code, "unknown specific-needs code \"" + code.textValue() + "\" (not in catalogue "
                    + catalogue.version() + "); a whole category is written like SC-*.");
        }
    }
}

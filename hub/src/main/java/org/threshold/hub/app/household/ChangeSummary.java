package org.threshold.hub.app.household;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.threshold.core.event.EventType;

/**
 * The history's line for a change: what changed, by name only (field paths, consent purposes), never a value nor
 * the consent's reason, since the history is read by people who may not see the household itself.
 */
public final class ChangeSummary {
    // A field or purpose name as the household JSON spells them; anything else in its place is shown as "?", so a
    // value sent where a name belongs never reaches the history.
    private static final Pattern NAME = Pattern.compile("[A-Za-z]{1,32}");
    // Who recorded a consent and when change with every consent change; they say nothing about what changed.
    private static final List<String> ALWAYS_NEW = List.of("recordedBy", "recordedAt");

    private ChangeSummary() {
    }

    /**
     * @param details        the change event's own fields ({@code HouseholdChange.details()})
     * @param consentBefore  the household's consent before the change, for a consent change
     */
    public static String of(EventType type, JsonNode details, JsonNode consentBefore) {
        return switch (type) {
            case HOUSEHOLD_REGISTERED -> "registered";
            case REFERRAL_REQUESTED -> "referral requested";
            case REFERRAL_TRANSITIONED -> "referral moved on";
            case REFERRAL_NOTE_ADDED -> "referral note added";
            case REFERRAL_REASSIGNED -> "referral reassigned";
            case HOUSEHOLDS_MERGED -> "merged with a duplicate registration";
            case HOUSEHOLDS_UNMERGED -> "merge undone";
            case DUPLICATE_DISMISSED -> "not a duplicate";
            case HOUSEHOLD_ERASED -> "erased";
            case HOUSEHOLD_RESTRICTED -> "processing restricted";
            case HOUSEHOLD_RESTRICTION_LIFTED -> "restriction lifted";
            case HOUSEHOLD_CARD_REPRINTED -> "card reprinted, marked COPY";
            case TOKEN_REISSUED -> "new token issued; the old token is revoked";
            case HOUSEHOLD_CORRECTED -> correction(details);
            case CONSENT_CHANGED -> "consent changed: " + String.join(", ",
                    changedFields(consentBefore, details.path("consent")));
        };
    }

    private static String correction(JsonNode details) {
        List<String> parts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (JsonNode correction : details.path("corrections")) {
            String field = name(correction.path("field").asText());
            fields.add(correction.has("member") ? "members[" + correction.path("member").asInt() + "]." + field : field);
        }
        if (!fields.isEmpty()) {
            parts.add("corrected " + String.join(", ", fields));
        }
        if (details.path("addMembers").size() > 0) {
            parts.add("members added: " + details.path("addMembers").size());
        }
        List<String> needs = new ArrayList<>();
        for (JsonNode added : details.path("addNeeds")) {
            needs.add("members[" + added.path("member").asInt() + "]");
        }
        if (!needs.isEmpty()) {
            parts.add("needs added to " + String.join(", ", needs));
        }
        return parts.isEmpty() ? "household corrected" : String.join("; ", parts);
    }

    /** The consent's purposes and parts whose values differ. */
    private static List<String> changedFields(JsonNode before, JsonNode after) {
        TreeSet<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        names.removeAll(ALWAYS_NEW);
        return names.stream().filter(name -> !before.path(name).equals(after.path(name)))
                .map(ChangeSummary::name).toList();
    }

    private static String name(String text) {
        return NAME.matcher(text).matches() ? text : "?";
    }
}

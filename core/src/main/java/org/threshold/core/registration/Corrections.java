package org.threshold.core.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a supervisor's corrections ({@code POST /api/households/{code}/corrections}) to a household's JSON:
 * <pre>
 * {"corrections": [{"field": "phone", "value": "+963 555 0101"},
 *                  {"member": 0, "field": "givenNameLatin", "value": "Nurhan"}],
 *  "addMembers": [{...a member as at registration...}],
 *  "addNeeds": [{"member": 1, "needs": ["SM-CI"]}]}
 * </pre>
 * A {@code null} value clears an optional field. Only the shape of the request is checked here; the household it
 * yields is then validated whole by {@link HouseholdJson#read}, as at registration.
 */
public final class Corrections {
    static final List<String> HOUSEHOLD_FIELDS = List.of("arrivalDate", "origin", "languages", "phone");
    static final List<String> MEMBER_FIELDS = List.of("givenName", "familyName", "givenNameLatin", "familyNameLatin",
            "sex", "birthDate", "birthDateEstimated", "ageEstimate", "nationality", "relationship", "needs");
    private static final Set<String> PARTS = Set.of("corrections", "addMembers", "addNeeds");

    private final List<FieldProblem> problems = new ArrayList<>();

    private Corrections() {
    }

    /** A copy of {@code household} with the corrections applied; {@code household} is left as it was. */
    public static ObjectNode apply(JsonNode request, ObjectNode household) throws InvalidRegistrationException {
        Corrections corrections = new Corrections();
        ObjectNode corrected = household.deepCopy();
        corrections.applyTo(request, corrected);
        if (!corrections.problems.isEmpty()) {
            throw new InvalidRegistrationException(corrections.problems);
        }
        return corrected;
    }

    private void applyTo(JsonNode request, ObjectNode household) {
        if (request == null || !request.isObject() || PARTS.stream().noneMatch(part -> request.path(part).size() > 0)) {
            problems.add(new FieldProblem("corrections", "field.correction.empty"));
            return;
        }
        ArrayNode members = household.withArray("members");
        int registered = members.size();
        JsonNode fixes = request.path("corrections");
        for (int i = 0; i < fixes.size(); i++) {
            String path = "corrections[" + i + "]";
            JsonNode fix = fixes.get(i);
            String field = fix.path("field").asText("");
            if (fix.hasNonNull("member")) {
                Integer member = HouseholdJson.wholeNumber(fix.get("member"));
                if (member == null || member < 0 || member >= registered) {
                    problems.add(new FieldProblem(path + ".member", "field.consent.member"));
                } else if (!MEMBER_FIELDS.contains(field)) {
                    problems.add(new FieldProblem(path + ".field", "field.correction.field",
                            Map.of("allowed", String.join(", ", MEMBER_FIELDS))));
                } else {
                    ((ObjectNode) members.get(member)).set(field, fix.get("value"));
                }
            } else if (!HOUSEHOLD_FIELDS.contains(field)) {
                problems.add(new FieldProblem(path + ".field", "field.correction.field",
                        Map.of("allowed", String.join(", ", HOUSEHOLD_FIELDS))));
            } else {
                household.set(field, fix.get("value"));
            }
        }
        JsonNode added = request.path("addMembers");
        for (int i = 0; i < added.size(); i++) {
            members.add(added.get(i));
        }
        JsonNode needs = request.path("addNeeds");
        for (int i = 0; i < needs.size(); i++) {
            String path = "addNeeds[" + i + "]";
            Integer member = HouseholdJson.wholeNumber(needs.get(i).path("member"));
            if (member == null || member < 0 || member >= members.size()) {
                problems.add(new FieldProblem(path + ".member", "field.consent.member"));
            } else if (!needs.get(i).path("needs").isArray()) {
                problems.add(new FieldProblem(path + ".needs", "field.needs.list"));
            } else {
                needs.get(i).path("needs").forEach(((ObjectNode) members.get(member)).withArray("needs")::add);
            }
        }
    }
}

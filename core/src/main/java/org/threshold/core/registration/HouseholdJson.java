package org.threshold.core.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.threshold.core.input.StrictText;
import org.threshold.core.needs.NeedsCatalogue;

/**
 * Reads a household from its JSON form (the kiosk API's and the event payload's), checking every
 * field and collecting every problem with its path, and writes it back in the same form.
 * Reading field by field, rather than binding, is what lets each error name its field. Every text passes
 * {@link StrictText} and is kept in NFC; dates must be plausible against {@code today}; lists are
 * capped, and so is the list of problems, so a hostile form cannot make a huge answer.
 */
public final class HouseholdJson {
    static final int MAX_MEMBERS = 40;
    static final int MAX_NAME = 100;
    static final int MAX_AGE = 130;
    static final int MAX_LANGUAGES = 10;
    static final int MAX_NEEDS = 50;
    /** At most this many problems are reported; the last one then says there are more. */
    public static final int MAX_PROBLEMS = 50;
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,24}");

    private final NeedsCatalogue catalogue;
    private final LocalDate today;
    private final List<FieldProblem> problems = new ArrayList<>();
    /** Every problem found, also those past the cap: whether a part was valid depends on this. */
    private int problemCount;

    private HouseholdJson(NeedsCatalogue catalogue, LocalDate today) {
        this.catalogue = catalogue;
        this.today = today;
    }

    /** Reads and validates; {@code today} is the kiosk's date, against which dates must not be in the future. */
    public static Household read(JsonNode json, NeedsCatalogue catalogue, LocalDate today)
            throws InvalidRegistrationException {
        HouseholdJson reader = new HouseholdJson(catalogue, today);
        Household household = reader.household(json);
        if (!reader.problems.isEmpty()) {
            throw new InvalidRegistrationException(reader.problems);
        }
        return household;
    }

    private Household household(JsonNode json) {
        if (json == null || !json.isObject()) {
            problem("household", "send the household as a JSON object");
            return null;
        }
        LocalDate arrival = date(json, "arrivalDate", "arrivalDate", true);
        if (arrival != null && arrival.isBefore(today.minusYears(1))) {
            problem("arrivalDate", "the arrival date is more than a year ago; check it (today is " + today + ")");
            arrival = null;
        }
        Origin origin = origin(json.get("origin"));
        List<String> languages = languages(json.get("languages"));
        String phone = optionalText(json, "phone", "phone", 24, StrictText.Kind.LINE);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problem("phone", "write the phone number with digits, spaces and an optional leading +");
        }
        Consent consent = consent(json.get("consent"));
        List<Member> members = members(json.get("members"), arrival);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Household(arrival, origin, languages, phone, consent, members);
    }

    private Origin origin(JsonNode json) {
        if (json == null || !json.isObject()) {
            problem("origin", "give the country of origin (ISO 3166 alpha-3, e.g. SYR, or UNKNOWN)");
            return null;
        }
        String country = requiredText(json, "country", "origin.country", 9, StrictText.Kind.LINE);
        if (country != null && !Countries.isCountry(country) && !Countries.UNKNOWN.equals(country)) {
            problem("origin.country", "use an ISO 3166 alpha-3 country code in capitals (e.g. SYR, AFG) or UNKNOWN");
        }
        String place = optionalText(json, "place", "origin.place", 200, StrictText.Kind.LINE);
        return new Origin(country, place);
    }

    private List<String> languages(JsonNode json) {
        List<String> languages = new ArrayList<>();
        if (json == null || !json.isArray() || json.isEmpty()) {
            problem("languages", "ask which languages the household speaks and add at least one (ISO 639 code, e.g. ar)");
            return languages;
        }
        if (json.size() > MAX_LANGUAGES) {
            problem("languages", "list at most " + MAX_LANGUAGES + " languages: the ones the household speaks best");
            return languages;
        }
        for (int i = 0; i < json.size(); i++) {
            JsonNode language = json.get(i);
            if (!language.isTextual() || !LANGUAGE.matcher(language.asText()).matches()) {
                problem("languages[" + i + "]", "use an ISO 639 language code in lower case (e.g. ar, ti, prs)");
            } else if (languages.contains(language.asText())) {
                problem("languages[" + i + "]", "this language is listed twice");
            } else {
                languages.add(language.asText());
            }
        }
        return languages;
    }

    private Consent consent(JsonNode json) {
        if (json == null || !json.isObject()) {
            problem("consent", "record the household's consent to registration and to referral");
            return null;
        }
        Boolean registration = bool(json, "registration", "consent.registration");
        Boolean referral = bool(json, "referral", "consent.referral");
        if (Boolean.FALSE.equals(registration)) {
            problem("consent.registration", "registration needs the household's consent; without it, do not register");
        }
        return registration == null || referral == null ? null : new Consent(registration, referral);
    }

    private List<Member> members(JsonNode json, LocalDate arrival) {
        List<Member> members = new ArrayList<>();
        if (json == null || !json.isArray() || json.isEmpty()) {
            problem("members", "add at least one member: the focal point");
            return members;
        }
        if (json.size() > MAX_MEMBERS) {
            problem("members", "a household has at most " + MAX_MEMBERS + " members; register larger groups as several households");
            return members;
        }
        for (int i = 0; i < json.size(); i++) {
            Member member = member(json.get(i), "members[" + i + "]", arrival);
            if (member != null) {
                members.add(member);
            }
        }
        long focalPoints = countRelationship(json, Relationship.FOCAL_POINT);
        if (focalPoints != 1) {
            problem("members", "exactly one member must be the FOCAL_POINT (found " + focalPoints + ")");
        }
        return members;
    }

    private static long countRelationship(JsonNode members, Relationship relationship) {
        long count = 0;
        for (JsonNode member : members) {
            if (relationship.name().equals(member.path("relationship").asText(null))) {
                count++;
            }
        }
        return count;
    }

    private Member member(JsonNode json, String path, LocalDate arrival) {
        if (json == null || !json.isObject()) {
            problem(path, "send each member as a JSON object");
            return null;
        }
        int before = problemCount;
        String given = name(json, "givenName", path, true);
        String family = name(json, "familyName", path, false);
        String givenLatin = name(json, "givenNameLatin", path, false);
        String familyLatin = name(json, "familyNameLatin", path, false);
        Sex sex = choice(json, "sex", path + ".sex", Sex.class);
        LocalDate birthDate = date(json, "birthDate", path + ".birthDate", false);
        Boolean estimated = json.has("birthDateEstimated") && !json.get("birthDateEstimated").isNull()
                ? bool(json, "birthDateEstimated", path + ".birthDateEstimated") : Boolean.FALSE;
        Integer age = age(json, path + ".ageEstimate");
        if (birthDate == null && age == null && !json.hasNonNull("birthDate")) {
            problem(path + ".birthDate", "give a date of birth (tick \"estimated\" if unsure) or an estimated age in years");
        }
        if (birthDate != null && birthDate.isBefore(today.minusYears(MAX_AGE))) {
            problem(path + ".birthDate", "a date of birth more than " + MAX_AGE + " years ago is not plausible; check the year");
        } else if (birthDate != null && arrival != null && birthDate.isAfter(arrival)) {
            problem(path + ".birthDate", "the date of birth is after the arrival date; check both");
        } else if (birthDate != null && age != null && arrival != null
                && Math.abs(Period.between(birthDate, arrival).getYears() - age) > 1) {
            // Against the arrival date, not today: the hub re-checks on another day and must agree.
            problem(path + ".ageEstimate", "the estimated age does not match the date of birth ("
                    + Period.between(birthDate, arrival).getYears() + " years on arrival); correct one of them or "
                    + "leave the age out");
        }
        String nationality = requiredText(json, "nationality", path + ".nationality", 9, StrictText.Kind.LINE);
        if (nationality != null && !Countries.isNationality(nationality)) {
            problem(path + ".nationality", "use an ISO 3166 alpha-3 code in capitals (e.g. SYR), STATELESS or UNKNOWN");
        }
        Relationship relationship = choice(json, "relationship", path + ".relationship", Relationship.class);
        List<String> needs = needs(json.get("needs"), path + ".needs");
        if (problemCount > before) {
            return null;
        }
        return new Member(given, family, givenLatin, familyLatin, sex, birthDate, estimated, age, nationality,
                relationship, needs);
    }

    private String name(JsonNode json, String field, String path, boolean required) {
        return required ? requiredText(json, field, path + "." + field, MAX_NAME, StrictText.Kind.NAME)
                : optionalText(json, field, path + "." + field, MAX_NAME, StrictText.Kind.NAME);
    }

    private Integer age(JsonNode json, String path) {
        JsonNode node = json.get("ageEstimate");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0 || node.asInt() > MAX_AGE) {
            problem(path, "give the estimated age as whole years from 0 to " + MAX_AGE);
            return null;
        }
        return node.asInt();
    }

    private List<String> needs(JsonNode json, String path) {
        List<String> needs = new ArrayList<>();
        if (json == null || json.isNull()) {
            return needs;
        }
        if (!json.isArray()) {
            problem(path, "send specific needs as a list of codes, e.g. [\"SC-UC\"]");
            return needs;
        }
        if (json.size() > MAX_NEEDS) {
            problem(path, "at most " + MAX_NEEDS + " specific-needs codes per member");
            return needs;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < json.size(); i++) {
            String code = json.get(i).asText("");
            if (catalogue.find(code).isEmpty()) {
                // The value is not repeated: a name typed into this field would otherwise reach the logs.
                problem(path + "[" + i + "]", "this is not a specific-needs code in catalogue "
                        + catalogue.version() + " (for example SC-UC is an unaccompanied child)");
            } else if (seen.add(code)) {
                needs.add(code);
            }
        }
        return needs;
    }

    private <E extends Enum<E>> E choice(JsonNode json, String field, String path, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || !node.isTextual()) {
            problem(path, "choose one of " + allowed);
            return null;
        }
        try {
            return Enum.valueOf(type, node.asText());
        } catch (IllegalArgumentException e) {
            problem(path, "choose one of " + allowed);
            return null;
        }
    }

    private LocalDate date(JsonNode json, String field, String path, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "give the date as YYYY-MM-DD");
            }
            return null;
        }
        if (!node.isTextual() || !DATE.matcher(node.asText()).matches()) {
            problem(path, "give the date as YYYY-MM-DD");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(node.asText());
            if (date.isAfter(today)) {
                problem(path, "the date is in the future; check it (today is " + today + ")");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problem(path, "give the date as YYYY-MM-DD (a real calendar date)");
            return null;
        }
    }

    private Boolean bool(JsonNode json, String field, String path) {
        JsonNode node = json.get(field);
        if (node == null || !node.isBoolean()) {
            problem(path, "answer true or false");
            return null;
        }
        return node.asBoolean();
    }

    private String requiredText(JsonNode json, String field, String path, int maxLength, StrictText.Kind kind) {
        int before = problemCount;
        String value = optionalText(json, field, path, maxLength, kind);
        if (value == null && problemCount == before) {
            problem(path, "this field is required");
        }
        return value;
    }

    private String optionalText(JsonNode json, String field, String path, int maxLength, StrictText.Kind kind) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "send this field as text");
            return null;
        }
        StrictText.Checked checked = StrictText.check(node.asText(), kind);
        if (!checked.ok()) {
            problem(path, checked.problem().message());
            return null;
        }
        String value = checked.text();
        if (value.isEmpty()) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            problem(path, "at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    private void problem(String field, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS - 1) {
            problems.add(new FieldProblem(field, message));
        } else if (problems.size() == MAX_PROBLEMS - 1) {
            problems.add(new FieldProblem("household", "there are more problems than the " + (MAX_PROBLEMS - 1)
                    + " listed; correct these and send the form again"));
        }
    }

    public static ObjectNode write(Household household) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        json.put("arrivalDate", household.arrivalDate().toString());
        ObjectNode origin = json.putObject("origin");
        origin.put("country", household.origin().country());
        putIfPresent(origin, "place", household.origin().place());
        ArrayNode languages = json.putArray("languages");
        household.languages().forEach(languages::add);
        putIfPresent(json, "phone", household.phone());
        ObjectNode consent = json.putObject("consent");
        consent.put("registration", household.consent().registration());
        consent.put("referral", household.consent().referral());
        ArrayNode members = json.putArray("members");
        for (Member member : household.members()) {
            ObjectNode m = members.addObject();
            m.put("givenName", member.givenName());
            putIfPresent(m, "familyName", member.familyName());
            putIfPresent(m, "givenNameLatin", member.givenNameLatin());
            putIfPresent(m, "familyNameLatin", member.familyNameLatin());
            m.put("sex", member.sex().name());
            if (member.birthDate() != null) {
                m.put("birthDate", member.birthDate().toString());
            }
            m.put("birthDateEstimated", member.birthDateEstimated());
            if (member.ageEstimate() != null) {
                m.put("ageEstimate", member.ageEstimate());
            }
            m.put("nationality", member.nationality());
            m.put("relationship", member.relationship().name());
            ArrayNode needs = m.putArray("needs");
            member.needs().forEach(needs::add);
        }
        return json;
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}

package org.threshold.core.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.threshold.core.input.StrictText;
import org.threshold.core.i18n.Digits;
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
            problem("household", "field.household.object");
            return null;
        }
        LocalDate arrival = date(json, "arrivalDate", "arrivalDate", true);
        if (arrival != null && arrival.isBefore(today.minusYears(1))) {
            problem("arrivalDate", "field.arrival.tooOld", "today", today.toString());
            arrival = null;
        }
        Origin origin = origin(json.get("origin"));
        List<String> languages = languages(json.get("languages"));
        String phone = optionalText(json, "phone", "phone", 24, StrictText.Kind.LINE);
        phone = phone == null ? null : Digits.toAscii(phone);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problem("phone", "field.phone.invalid");
        }
        Consent consent = consent(json.get("consent"), json.path("members").size());
        List<Member> members = members(json.get("members"), arrival);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Household(arrival, origin, languages, phone, consent, members);
    }

    private Origin origin(JsonNode json) {
        if (json == null || !json.isObject()) {
            problem("origin", "field.origin.required");
            return null;
        }
        String country = requiredText(json, "country", "origin.country", 9, StrictText.Kind.LINE);
        if (country != null && !Countries.isCountry(country) && !Countries.UNKNOWN.equals(country)) {
            problem("origin.country", "field.country.invalid");
        }
        String place = optionalText(json, "place", "origin.place", 200, StrictText.Kind.LINE);
        return new Origin(country, place);
    }

    private List<String> languages(JsonNode json) {
        List<String> languages = new ArrayList<>();
        if (json == null || !json.isArray() || json.isEmpty()) {
            problem("languages", "field.languages.required");
            return languages;
        }
        if (json.size() > MAX_LANGUAGES) {
            problem("languages", "field.languages.tooMany", "max", MAX_LANGUAGES);
            return languages;
        }
        for (int i = 0; i < json.size(); i++) {
            JsonNode language = json.get(i);
            if (!language.isTextual() || !LANGUAGE.matcher(language.asText()).matches()) {
                problem("languages[" + i + "]", "field.language.invalid");
            } else if (languages.contains(language.asText())) {
                problem("languages[" + i + "]", "field.language.duplicate");
            } else {
                languages.add(language.asText());
            }
        }
        return languages;
    }

    private Consent consent(JsonNode json, int memberCount) {
        if (json == null || !json.isObject()) {
            problem("consent", "field.consent.required");
            return null;
        }
        Boolean registration = bool(json, "registration", "consent.registration");
        Boolean referral = bool(json, "referral", "consent.referral");
        if (Boolean.FALSE.equals(registration)) {
            problem("consent.registration", "field.consent.registrationRefused");
        }
        Consent details = consentDetails(json, memberCount, "consent");
        return registration == null || referral == null || details == null ? null
                : new Consent(registration, referral, details.language(), details.givenBy(), details.recordedBy(),
                        details.recordedAt(), details.children());
    }

    /** The optional parts of a consent (language, who gave it, who recorded it when, children's), or null if wrong. */
    private Consent consentDetails(JsonNode json, int memberCount, String path) {
        int before = problemCount;
        String language = optionalText(json, "language", path + ".language", 3, StrictText.Kind.LINE);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            problem(path + ".language", "field.language.invalid");
        }
        Integer givenBy = memberIndex(json.get("givenBy"), path + ".givenBy", memberCount);
        String recordedBy = optionalText(json, "recordedBy", path + ".recordedBy", 32, StrictText.Kind.LINE);
        Instant recordedAt = null;
        String at = optionalText(json, "recordedAt", path + ".recordedAt", 40, StrictText.Kind.LINE);
        if (at != null) {
            try {
                recordedAt = Instant.parse(Digits.toAscii(at));
            } catch (DateTimeParseException e) {
                problem(path + ".recordedAt", "field.date.invalid");
            }
        }
        List<Consent.ChildConsent> children = new ArrayList<>();
        JsonNode list = json.get("children");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problem(path + ".children", "field.consent.child");
            } else {
                Set<Integer> seen = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    String childPath = path + ".children[" + i + "]";
                    JsonNode child = list.get(i);
                    if (!child.isObject()) {
                        problem(childPath, "field.consent.child");
                        continue;
                    }
                    JsonNode memberNode = child.get("member");
                    Integer member = memberIndex(memberNode, childPath + ".member", memberCount);
                    if (member == null) {
                        if (memberNode == null || memberNode.isNull()) {
                            problem(childPath + ".member", "field.consent.member");
                        }
                        continue;
                    }
                    if (!seen.add(member)) {
                        problem(childPath + ".member", "field.consent.member");
                        continue;
                    }
                    Boolean guardian = bool(child, "guardianConsent", childPath + ".guardianConsent");
                    Consent.Assent assent = assent(child, childPath + ".childAssent");
                    if (guardian != null && assent != null) {
                        children.add(new Consent.ChildConsent(member, guardian, assent));
                    }
                }
            }
        }
        if (problemCount > before) {
            return null;
        }
        return new Consent(true, true, language, givenBy, recordedBy, recordedAt, children);
    }

    /** {@code true}, {@code false}, or {@code null} for a child not asked; a missing answer is a problem. */
    private Consent.Assent assent(JsonNode child, String path) {
        JsonNode node = child.get("childAssent");
        if (node != null && node.isNull()) {
            return Consent.Assent.NOT_ASKED;
        }
        Boolean given = bool(child, "childAssent", path);
        return given == null ? null : given ? Consent.Assent.GIVEN : Consent.Assent.REFUSED;
    }

    private Integer memberIndex(JsonNode node, String path, int memberCount) {
        if (node == null || node.isNull()) {
            return null;
        }
        Integer index = wholeNumber(node);
        if (index == null || index < 0 || index >= memberCount) {
            problem(path, "field.consent.member");
            return null;
        }
        return index;
    }

    /**
     * A change of consent ({@code POST /api/households/{code}/consent}): {@code referral}, {@code language},
     * {@code givenBy} and {@code children} replace what {@code current} holds where given; registration consent
     * stays. {@code reason} (at most {@value #MAX_REASON} characters) says why; it is returned with the consent.
     */
    public static ConsentChange readConsentChange(JsonNode json, Consent current, int memberCount)
            throws InvalidRegistrationException {
        HouseholdJson reader = new HouseholdJson(null, LocalDate.MAX);
        if (json == null || !json.isObject()) {
            reader.problem("consent", "field.consent.required");
            throw new InvalidRegistrationException(reader.problems);
        }
        Boolean referral = json.has("referral") ? reader.bool(json, "referral", "referral") : current.referral();
        String reason = reader.optionalText(json, "reason", "reason", MAX_REASON, StrictText.Kind.TEXT);
        if (reason == null && reader.problems.stream().noneMatch(p -> p.field().equals("reason"))) {
            reader.problem("reason", "field.consent.reason", "max", MAX_REASON);
        }
        Consent details = reader.consentDetails(json, memberCount, "consent");
        if (!reader.problems.isEmpty()) {
            throw new InvalidRegistrationException(reader.problems);
        }
        Consent changed = new Consent(current.registration(), referral,
                json.has("language") ? details.language() : current.language(),
                json.has("givenBy") ? details.givenBy() : current.givenBy(), null, null,
                json.has("children") ? details.children() : current.children());
        return new ConsentChange(changed, reason);
    }

    /** A consent as changed, and why. */
    public record ConsentChange(Consent consent, String reason) {
    }

    static final int MAX_REASON = 500;

    private List<Member> members(JsonNode json, LocalDate arrival) {
        List<Member> members = new ArrayList<>();
        if (json == null || !json.isArray() || json.isEmpty()) {
            problem("members", "field.members.required");
            return members;
        }
        if (json.size() > MAX_MEMBERS) {
            problem("members", "field.members.tooMany", "max", MAX_MEMBERS);
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
            problem("members", "field.members.focalPoint", "found", focalPoints);
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
            problem(path, "field.member.object");
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
            problem(path + ".birthDate", "field.birth.required");
        }
        if (birthDate != null && birthDate.isBefore(today.minusYears(MAX_AGE))) {
            problem(path + ".birthDate", "field.birth.implausible", "max", MAX_AGE);
        } else if (birthDate != null && arrival != null && birthDate.isAfter(arrival)) {
            problem(path + ".birthDate", "field.birth.afterArrival");
        } else if (birthDate != null && age != null && arrival != null
                && Math.abs(Period.between(birthDate, arrival).getYears() - age) > 1) {
            // Against the arrival date, not today: the hub re-checks on another day and must agree.
            problem(path + ".ageEstimate", "field.age.mismatch", "years", Period.between(birthDate, arrival).getYears());
        }
        String nationality = requiredText(json, "nationality", path + ".nationality", 9, StrictText.Kind.LINE);
        if (nationality != null && !Countries.isNationality(nationality)) {
            problem(path + ".nationality", "field.nationality.invalid");
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
        Integer age = wholeNumber(node);
        if (age == null || age < 0 || age > MAX_AGE) {
            problem(path, "field.age.invalid", "max", MAX_AGE);
            return null;
        }
        return age;
    }

    /** A JSON integer, or text of digits in any script the kiosk accepts ("٣٥", "۳۵", "35"); null otherwise. */
    static Integer wholeNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? node.asInt() : null;
        }
        if (node.isTextual()) {
            String digits = Digits.toAscii(node.asText().strip());
            if (digits.matches("[0-9]{1,9}")) {
                return Integer.parseInt(digits);
            }
        }
        return null;
    }

    private List<String> needs(JsonNode json, String path) {
        List<String> needs = new ArrayList<>();
        if (json == null || json.isNull()) {
            return needs;
        }
        if (!json.isArray()) {
            problem(path, "field.needs.list");
            return needs;
        }
        if (json.size() > MAX_NEEDS) {
            problem(path, "field.needs.tooMany", "max", MAX_NEEDS);
            return needs;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < json.size(); i++) {
            String code = json.get(i).asText("");
            if (catalogue.find(code).isEmpty()) {
                // The value is not repeated: a name typed into this field would otherwise reach the logs.
                problem(path + "[" + i + "]", "field.needs.unknown", "version", catalogue.version());
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
            problem(path, "field.choice", "allowed", allowed);
            return null;
        }
        try {
            return Enum.valueOf(type, node.asText());
        } catch (IllegalArgumentException e) {
            problem(path, "field.choice", "allowed", allowed);
            return null;
        }
    }

    private LocalDate date(JsonNode json, String field, String path, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "field.date.required");
            }
            return null;
        }
        String text = node.isTextual() ? Digits.toAscii(node.asText().strip()) : "";
        if (!DATE.matcher(text).matches()) {
            problem(path, "field.date.required");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(today)) {
                problem(path, "field.date.future", "today", today.toString());
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problem(path, "field.date.invalid");
            return null;
        }
    }

    private Boolean bool(JsonNode json, String field, String path) {
        JsonNode node = json.get(field);
        if (node == null || !node.isBoolean()) {
            problem(path, "field.boolean");
            return null;
        }
        return node.asBoolean();
    }

    private String requiredText(JsonNode json, String field, String path, int maxLength, StrictText.Kind kind) {
        int before = problemCount;
        String value = optionalText(json, field, path, maxLength, kind);
        if (value == null && problemCount == before) {
            problem(path, "field.required");
        }
        return value;
    }

    private String optionalText(JsonNode json, String field, String path, int maxLength, StrictText.Kind kind) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "field.text");
            return null;
        }
        StrictText.Checked checked = StrictText.check(node.asText(), kind);
        if (!checked.ok()) {
            problem(path, checked.problem().key());
            return null;
        }
        String value = checked.text();
        if (value.isEmpty()) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            problem(path, "field.tooLong", "max", maxLength);
            return null;
        }
        return value;
    }

    private void problem(String field, String key) {
        problem(field, key, Map.of());
    }

    private void problem(String field, String key, String argument, Object value) {
        problem(field, key, Map.of(argument, value));
    }

    /** At most {@value #MAX_PROBLEMS} problems are listed, the last saying there are more: a reply stays small. */
    private void problem(String field, String key, Map<String, Object> args) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS - 1) {
            problems.add(new FieldProblem(field, key, args));
        } else if (problems.size() == MAX_PROBLEMS - 1) {
            problems.add(new FieldProblem("household", "field.problems.more", Map.of("max", MAX_PROBLEMS - 1)));
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
        json.set("consent", writeConsent(household.consent()));
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

    /** A consent in the household JSON's form; optional parts only when recorded. */
    public static ObjectNode writeConsent(Consent consent) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("registration", consent.registration());
        json.put("referral", consent.referral());
        putIfPresent(json, "language", consent.language());
        if (consent.givenBy() != null) {
            json.put("givenBy", consent.givenBy());
        }
        putIfPresent(json, "recordedBy", consent.recordedBy());
        putIfPresent(json, "recordedAt", consent.recordedAt() == null ? null : consent.recordedAt().toString());
        if (!consent.children().isEmpty()) {
            ArrayNode children = json.putArray("children");
            for (Consent.ChildConsent child : consent.children()) {
                ObjectNode written = children.addObject().put("member", child.member())
                        .put("guardianConsent", child.guardianConsent());
                switch (child.childAssent()) {
                    case GIVEN -> written.put("childAssent", true);
                    case REFUSED -> written.put("childAssent", false);
                    case NOT_ASKED -> written.putNull("childAssent");
                }
            }
        }
        return json;
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}

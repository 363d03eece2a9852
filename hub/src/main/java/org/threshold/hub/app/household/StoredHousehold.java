package org.threshold.hub.app.household;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.threshold.core.i18n.Digits;
import org.threshold.core.referral.HouseholdField;
import org.threshold.core.referral.NeedToKnow;
import org.threshold.core.referral.PersonField;
import org.threshold.core.referral.VisibleHousehold;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;

/**
 * Reads an opened household back into core's model: the one way the hub reads a stored household. It decodes the
 * JSON straight from the bytes the vault decrypted, and does not validate again: {@code HouseholdJson.read} checked
 * every field where the data entered (the projector, a correction) before it was sealed, and AES-GCM under the
 * household's own key says the bytes are those it sealed. So it checks only the shape the model needs; a household
 * registered under older rules (a need code since withdrawn) still reads as it was registered. A viewer who may see
 * only part of it ({@link #visible}) has only that part read.
 */
public final class StoredHousehold {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Predicate<PersonField> EVERY_FIELD = field -> true;
    // A member a sight does not show, read no further than its end: only its place in the list counts.
    private static final Member UNSHOWN = new Member(null, null, null, null, null, null, false, null, null, null,
            List.of());

    private StoredHousehold() {
    }

    /** @throws IllegalStateException if it does not read back (never quoting it: it is personal data) */
    public static Household read(HouseholdRecord record) {
        try (JsonParser parser = JSON.createParser(record.jsonForReading())) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            return household(parser);
        } catch (IOException | RuntimeException e) {
            throw unreadable(record, e);
        }
    }

    /**
     * What {@code sight} shows of the stored household, the same view as {@code sight.view(read(record))}, reading only
     * that: the consent, the members it does not show and the fields it does not show are passed over undecoded (a
     * queue page shows 50 households, of each only the referred people's few fields its service may see).
     *
     * @throws IllegalStateException if what it shows does not read back (never quoting it)
     */
    public static VisibleHousehold visible(HouseholdRecord record, NeedToKnow.Sight sight) {
        try (JsonParser parser = JSON.createParser(record.jsonForReading())) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            return sight.view(shownParts(parser, sight));
        } catch (IOException | RuntimeException e) {
            throw unreadable(record, e);
        }
    }

    private static IllegalStateException unreadable(HouseholdRecord record, Exception e) {
        return new IllegalStateException("The stored household " + record.householdId() + " does not read back ("
                + e.getClass().getSimpleName() + ")");
    }

    /** The household with only what {@code sight} shows read; the rest null, empty or {@link #UNSHOWN}. */
    private static Household shownParts(JsonParser parser, NeedToKnow.Sight sight) throws IOException {
        LocalDate arrival = null;
        Origin origin = null;
        List<String> languages = List.of();
        String phone = null;
        List<Member> members = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "arrivalDate" -> arrival = sight.shows(HouseholdField.ARRIVAL_DATE) ? date(parser)
                        : skip(parser, null);
                case "origin" -> origin = sight.shows(HouseholdField.ORIGIN_COUNTRY)
                        || sight.shows(HouseholdField.ORIGIN_PLACE) ? origin(parser, value) : skip(parser, null);
                case "languages" -> languages = sight.shows(HouseholdField.LANGUAGES) ? texts(parser, value)
                        : skip(parser, List.of());
                case "phone" -> phone = sight.shows(HouseholdField.PHONE) ? text(parser) : skip(parser, null);
                case "members" -> members = shownMembers(parser, value, sight);
                default -> parser.skipChildren();
            }
        }
        return new Household(arrival, origin, languages, phone, null, members);
    }

    private static List<Member> shownMembers(JsonParser parser, JsonToken value, NeedToKnow.Sight sight)
            throws IOException {
        expect(value, JsonToken.START_ARRAY);
        List<Member> members = new ArrayList<>();
        Predicate<PersonField> shown = sight::shows;
        for (int index = 0; parser.nextToken() == JsonToken.START_OBJECT; index++) {
            members.add(sight.showsMember(index) ? member(parser, shown) : skip(parser, UNSHOWN));
        }
        return members;
    }

    /** Passes over the current value (a whole object or array), and answers {@code instead}. */
    private static <T> T skip(JsonParser parser, T instead) throws IOException {
        parser.skipChildren();
        return instead;
    }

    private static Household household(JsonParser parser) throws IOException {
        LocalDate arrival = null;
        Origin origin = null;
        List<String> languages = List.of();
        String phone = null;
        Consent consent = null;
        List<Member> members = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "arrivalDate" -> arrival = date(parser);
                case "origin" -> origin = origin(parser, value);
                case "languages" -> languages = texts(parser, value);
                case "phone" -> phone = text(parser);
                case "consent" -> consent = consent(parser, value);
                case "members" -> members = members(parser, value);
                default -> parser.skipChildren();
            }
        }
        return new Household(required(arrival), required(origin), languages, phone, required(consent), members);
    }

    private static Origin origin(JsonParser parser, JsonToken value) throws IOException {
        expect(value, JsonToken.START_OBJECT);
        String country = null;
        String place = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "country" -> country = text(parser);
                case "place" -> place = text(parser);
                default -> parser.skipChildren();
            }
        }
        return new Origin(required(country), place);
    }

    private static Consent consent(JsonParser parser, JsonToken value) throws IOException {
        expect(value, JsonToken.START_OBJECT);
        Boolean registration = null;
        Boolean referral = null;
        String language = null;
        Integer givenBy = null;
        String recordedBy = null;
        Instant recordedAt = null;
        List<Consent.ChildConsent> children = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "registration" -> registration = bool(token);
                case "referral" -> referral = bool(token);
                case "language" -> language = text(parser);
                case "givenBy" -> givenBy = number(parser);
                case "recordedBy" -> recordedBy = text(parser);
                case "recordedAt" -> recordedAt = token == JsonToken.VALUE_NULL ? null
                        : IsoTimes.instant(parser.getText());
                case "children" -> children = children(parser, token);
                default -> parser.skipChildren();
            }
        }
        return new Consent(required(registration), required(referral), language, givenBy, recordedBy, recordedAt,
                children);
    }

    private static List<Consent.ChildConsent> children(JsonParser parser, JsonToken value) throws IOException {
        List<Consent.ChildConsent> children = new ArrayList<>();
        if (value == JsonToken.VALUE_NULL) {
            return children;
        }
        expect(value, JsonToken.START_ARRAY);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            Integer member = null;
            Boolean guardian = null;
            Consent.Assent assent = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "member" -> member = number(parser);
                    case "guardianConsent" -> guardian = bool(token);
                    case "childAssent" -> assent = token == JsonToken.VALUE_NULL ? Consent.Assent.NOT_ASKED
                            : bool(token) ? Consent.Assent.GIVEN : Consent.Assent.REFUSED;
                    default -> parser.skipChildren();
                }
            }
            children.add(new Consent.ChildConsent(required(member), required(guardian), required(assent)));
        }
        return children;
    }

    private static List<Member> members(JsonParser parser, JsonToken value) throws IOException {
        expect(value, JsonToken.START_ARRAY);
        List<Member> members = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            members.add(member(parser, EVERY_FIELD));
        }
        return members;
    }

    /** A member, of whom only the {@code shown} fields are read (the others null), and every need code. */
    private static Member member(JsonParser parser, Predicate<PersonField> shown) throws IOException {
        String given = null;
        String family = null;
        String givenLatin = null;
        String familyLatin = null;
        Sex sex = null;
        LocalDate birthDate = null;
        boolean estimated = false;
        Integer age = null;
        String nationality = null;
        Relationship relationship = null;
        List<String> needs = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            // A field not shown is passed over undecoded (a string's bytes are skipped by the next token).
            switch (field) {
                case "givenName" -> given = shown.test(PersonField.GIVEN_NAME) ? text(parser) : null;
                case "familyName" -> family = shown.test(PersonField.FAMILY_NAME) ? text(parser) : null;
                case "givenNameLatin" -> givenLatin = shown.test(PersonField.LATIN_NAMES) ? text(parser) : null;
                case "familyNameLatin" -> familyLatin = shown.test(PersonField.LATIN_NAMES) ? text(parser) : null;
                case "sex" -> sex = shown.test(PersonField.SEX) ? Sex.valueOf(required(text(parser))) : null;
                case "birthDate" -> birthDate = shown.test(PersonField.BIRTH_DATE) ? date(parser) : null;
                case "birthDateEstimated" -> estimated = token == JsonToken.VALUE_TRUE;
                case "ageEstimate" -> age = shown.test(PersonField.BIRTH_DATE) ? number(parser) : null;
                case "nationality" -> nationality = shown.test(PersonField.NATIONALITY) ? text(parser) : null;
                case "relationship" -> relationship = shown.test(PersonField.RELATIONSHIP)
                        ? Relationship.valueOf(required(text(parser))) : null;
                case "needs" -> needs = texts(parser, token);
                default -> parser.skipChildren();
            }
        }
        return new Member(requiredIf(shown, PersonField.GIVEN_NAME, given), family, givenLatin, familyLatin,
                requiredIf(shown, PersonField.SEX, sex), birthDate, estimated, age,
                requiredIf(shown, PersonField.NATIONALITY, nationality),
                requiredIf(shown, PersonField.RELATIONSHIP, relationship), needs);
    }

    private static List<String> texts(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(value, JsonToken.START_ARRAY);
        List<String> texts = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            texts.add(parser.getText());
        }
        expect(parser.currentToken(), JsonToken.END_ARRAY);
        return texts;
    }

    /** The current value as text; null for JSON null. */
    private static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.VALUE_STRING);
        return parser.getText();
    }

    private static LocalDate date(JsonParser parser) throws IOException {
        String text = text(parser);
        return text == null ? null : IsoTimes.date(text);
    }

    /** A whole number as written, or as digits in text (what a kiosk may once have sent); null for JSON null. */
    private static Integer number(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> parser.getIntValue();
            case VALUE_STRING -> Integer.valueOf(Digits.toAscii(parser.getText().strip()));
            default -> throw new IllegalStateException("not a whole number");
        };
    }

    private static boolean bool(JsonToken token) {
        return switch (token) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw new IllegalStateException("not a boolean");
        };
    }

    private static void expect(JsonToken found, JsonToken expected) {
        if (found != expected) {
            throw new IllegalStateException("expected " + expected);
        }
    }

    private static <T> T requiredIf(Predicate<PersonField> shown, PersonField field, T value) {
        return shown.test(field) ? required(value) : value;
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalStateException("a required field is missing");
        }
        return value;
    }
}

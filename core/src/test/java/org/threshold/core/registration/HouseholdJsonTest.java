package org.threshold.core.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.core.needs.NeedsCatalogue;

/** Reading a household form: what is accepted, and every problem named by the path of its field. */
class HouseholdJsonTest {

    static final String EXAMPLE = """
            {"arrivalDate":"2026-11-24","origin":{"country":"SYR","place":"Aleppo"},"languages":["ar"],
             "consent":{"registration":true,"referral":true},
             "members":[{"givenName":"نورهان","familyName":"الزعبي","sex":"F","birthDate":"1990-03-01",
                         "birthDateEstimated":false,"nationality":"SYR","relationship":"FOCAL_POINT",
                         "needs":["WR-SF"]}]}""";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String GIVEN_NAME = "نورهان";
    private static final String FAMILY_NAME = "الزعبي";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final NeedsCatalogue catalogue = NeedsCatalogue.bundled();
    private final ObjectNode form = parse(EXAMPLE);
    private final ObjectNode focalPoint = (ObjectNode) form.get("members").get(0);

    @Test
    void readsTheExampleHousehold() throws InvalidRegistrationException {
        Household household = read(form);

        assertThat(household.arrivalDate()).isEqualTo(TODAY);
        assertThat(household.origin()).isEqualTo(new Origin("SYR", "Aleppo"));
        assertThat(household.languages()).containsExactly("ar");
        assertThat(household.consent()).isEqualTo(new Consent(true, true));
        assertThat(household.phone()).isNull();
        assertThat(household.members()).singleElement().isEqualTo(household.focalPoint());
        Member member = household.focalPoint();
        assertThat(member.givenName()).isEqualTo(GIVEN_NAME);
        assertThat(member.familyName()).isEqualTo(FAMILY_NAME);
        assertThat(member.sex()).isEqualTo(Sex.F);
        assertThat(member.birthDate()).isEqualTo(LocalDate.of(1990, 3, 1));
        assertThat(member.birthDateEstimated()).isFalse();
        assertThat(member.ageEstimate()).isNull();
        assertThat(member.nationality()).isEqualTo("SYR");
        assertThat(member.needs()).containsExactly("WR-SF");
    }

    @Test
    void writesBackTheFormItRead() throws InvalidRegistrationException {
        assertThat(HouseholdJson.write(read(form))).isEqualTo(form);
    }

    @Test
    void readsBackTheHouseholdItWrote() throws InvalidRegistrationException {
        focalPoint.put("givenNameLatin", "Nourhan").put("familyNameLatin", "Al-Zoubi");
        focalPoint.remove("birthDate");
        focalPoint.put("ageEstimate", 36);
        form.put("phone", "+962 79 123 4567");
        Household household = read(form);

        assertThat(read(HouseholdJson.write(household))).isEqualTo(household);
    }

    @Test
    void aDateOfBirthMayBeReplacedByAnEstimatedAge() throws InvalidRegistrationException {
        focalPoint.remove("birthDate");
        focalPoint.put("ageEstimate", 36);

        assertThat(read(form).focalPoint().ageEstimate()).isEqualTo(36);
    }

    @Test
    void rejectsAnUnknownSex() {
        focalPoint.put("sex", "X");

        assertProblems(form, "members[0].sex");
    }

    @Test
    void rejectsAnUnknownNationality() {
        focalPoint.put("nationality", "ZZZ");

        assertProblems(form, "members[0].nationality");
    }

    @Test
    void acceptsStatelessAndUnknownNationality() throws InvalidRegistrationException {
        focalPoint.put("nationality", "STATELESS");
        assertThat(read(form).focalPoint().nationality()).isEqualTo("STATELESS");

        focalPoint.put("nationality", "UNKNOWN");
        assertThat(read(form).focalPoint().nationality()).isEqualTo("UNKNOWN");
    }

    @Test
    void rejectsAnArrivalDateInTheFuture() {
        form.put("arrivalDate", "2026-11-25");

        assertProblems(form, "arrivalDate");
    }

    @Test
    void rejectsANeedThatIsNotInTheCatalogue() {
        needs(focalPoint).removeAll().add("UAM");

        assertProblems(form, "members[0].needs[0]");
    }

    @Test
    void rejectsAHouseholdWithoutAFocalPoint() {
        focalPoint.put("relationship", "SPOUSE");

        assertProblems(form, "members");
    }

    @Test
    void rejectsAHouseholdWithTwoFocalPoints() {
        members(form).add(focalPoint.deepCopy().put("givenName", "Amina"));

        assertProblems(form, "members");
    }

    @Test
    void rejectsARegistrationWithoutConsent() {
        ((ObjectNode) form.get("consent")).put("registration", false);

        assertProblems(form, "consent.registration");
    }

    @Test
    void rejectsAHouseholdWithoutLanguages() {
        form.remove("languages");

        assertProblems(form, "languages");
    }

    @Test
    void rejectsAMemberWithNeitherDateOfBirthNorEstimatedAge() {
        focalPoint.remove("birthDate");

        assertProblems(form, "members[0].birthDate");
    }

    @Test
    void namesTheMemberByIndex() {
        ObjectNode child = members(form).addObject();
        child.put("givenName", "Omar").put("sex", "boy").put("ageEstimate", 7).put("nationality", "SYR")
                .put("relationship", "SON");

        assertProblems(form, "members[1].sex");
    }

    @Test
    void collectsEveryProblemAtOnce() {
        form.put("arrivalDate", "2026-11-25");
        focalPoint.put("sex", "X");
        needs(focalPoint).removeAll().add("UAM");

        assertProblems(form, "arrivalDate", "members[0].sex", "members[0].needs[0]");
    }

    @Test
    void rejectsALoneSurrogateInsteadOfStoringAQuestionMark() {
        focalPoint.put("givenName", "Nour\uD800han");
        ((ObjectNode) form.get("origin")).put("place", "Alep\uDC00po");

        assertProblems(form, "members[0].givenName", "origin.place");
    }

    @Test
    void rejectsNonCharacters() {
        focalPoint.put("familyName", "Zoubi\uFFFE");
        ((ObjectNode) form.get("origin")).put("place", "Aleppo\uDBFF\uDFFF");

        assertProblems(form, "members[0].familyName", "origin.place");
    }

    @Test
    void rejectsANameMadeOnlyOfInvisibleCharacters() {
        focalPoint.put("givenName", "\u200B\u200B");
        focalPoint.put("familyName", "\u3164\u2060\uFEFF");

        assertProblems(form, "members[0].givenName", "members[0].familyName");
    }

    @Test
    void rejectsBidiControlsInNamesAndFreeText() {
        focalPoint.put("givenName", "\u202E\u2066");
        focalPoint.put("givenNameLatin", "Nour\u202Enahr");
        ((ObjectNode) form.get("origin")).put("place", "Aleppo\u200F");

        assertProblems(form, "members[0].givenName", "members[0].givenNameLatin", "origin.place");
    }

    @Test
    void rejectsNulAndLineBreaksInTheOriginPlace() {
        ((ObjectNode) form.get("origin")).put("place", "Alep\u0000po");
        assertProblems(form, "origin.place");

        ((ObjectNode) form.get("origin")).put("place", "Aleppo\nHoms");
        assertProblems(form, "origin.place");
    }

    @Test
    void keepsAZeroWidthNonJoinerInsideAPersianName() throws InvalidRegistrationException {
        focalPoint.put("givenName", "محمد\u200Cرضا");

        assertThat(read(form).focalPoint().givenName()).isEqualTo("محمد\u200Cرضا");
    }

    @Test
    void normalisesTextToNfc() throws InvalidRegistrationException {
        focalPoint.put("givenNameLatin", "Rene\u0301e");
        ((ObjectNode) form.get("origin")).put("place", "Ga\u0308ziantep");

        Household household = read(form);

        assertThat(household.focalPoint().givenNameLatin()).isEqualTo("Ren\u00E9e");
        assertThat(household.origin().place()).isEqualTo("G\u00E4ziantep");
    }

    @Test
    void rejectsAnArrivalDateOutsideTheLastYear() {
        form.put("arrivalDate", "-999999999-01-01");
        assertProblems(form, "arrivalDate");

        form.put("arrivalDate", "+999999999-12-31");
        assertProblems(form, "arrivalDate");

        form.put("arrivalDate", TODAY.minusYears(1).minusDays(1).toString());
        assertProblems(form, "arrivalDate");
    }

    @Test
    void acceptsAnArrivalDateUpToAYearAgo() throws InvalidRegistrationException {
        form.put("arrivalDate", TODAY.minusYears(1).toString());

        assertThat(read(form).arrivalDate()).isEqualTo(TODAY.minusYears(1));
    }

    @Test
    void rejectsABirthDateAfterTheArrival() {
        form.put("arrivalDate", "2026-10-01");
        focalPoint.put("relationship", "SON").put("birthDate", "2026-10-02");
        members(form).addObject().put("givenName", "Amina").put("sex", "F").put("ageEstimate", 30)
                .put("nationality", "SYR").put("relationship", "FOCAL_POINT");

        assertProblems(form, "members[0].birthDate");
    }

    @Test
    void rejectsAnAgeEstimateThatContradictsTheBirthDate() {
        focalPoint.put("ageEstimate", 20);

        assertProblems(form, "members[0].ageEstimate");
    }

    @Test
    void acceptsAnAgeEstimateWithinAYearOfTheBirthDate() throws InvalidRegistrationException {
        focalPoint.put("ageEstimate", 37);

        assertThat(read(form).focalPoint().ageEstimate()).isEqualTo(37);
    }

    @Test
    void aHundredThousandUnknownCodesGetOneShortProblem() {
        ArrayNode needs = needs(focalPoint).removeAll();
        for (int i = 0; i < 100_000; i++) {
            needs.add("X" + i);
        }

        InvalidRegistrationException invalid = invalid(form);

        assertThat(invalid.problems()).extracting(FieldProblem::field).containsExactly("members[0].needs");
        assertThat(invalid.getMessage()).hasSizeLessThan(200);
    }

    @Test
    void capsTheProblemsAtFiftyAndSaysThereAreMore() {
        for (int i = 1; i < HouseholdJson.MAX_MEMBERS; i++) {
            members(form).add(focalPoint.deepCopy().put("sex", "X").put("nationality", "ZZZ")
                    .put("relationship", "SON"));
        }

        List<FieldProblem> problems = problems(form);

        assertThat(problems).hasSize(HouseholdJson.MAX_PROBLEMS);
        assertThat(problems.get(HouseholdJson.MAX_PROBLEMS - 1).message()).contains("more problems");
    }

    @Test
    void rejectsTooManyLanguages() {
        ArrayNode languages = form.putArray("languages");
        for (char c = 'a'; c <= 'z'; c++) {
            languages.add("a" + c);
        }

        assertProblems(form, "languages");
    }

    @Test
    void rejectsSomethingThatIsNotAnObject() {
        assertProblems(JSON.createArrayNode(), "household");
    }

    @Test
    void noMessageRepeatsANameEvenOneTypedIntoTheWrongField() {
        // Problem messages reach logs; names must not. Here every field that can be wrong is wrong,
        // and the names are also typed where codes belong.
        form.put("arrivalDate", GIVEN_NAME);
        ((ObjectNode) form.get("origin")).put("country", FAMILY_NAME);
        form.putArray("languages").add(GIVEN_NAME);
        form.put("phone", GIVEN_NAME);
        focalPoint.put("sex", GIVEN_NAME).put("nationality", FAMILY_NAME).put("relationship", GIVEN_NAME)
                .put("birthDate", FAMILY_NAME).put("givenNameLatin", GIVEN_NAME + "\n" + FAMILY_NAME);
        needs(focalPoint).removeAll().add(GIVEN_NAME).add(FAMILY_NAME).add("Nourhan Al-Zoubi").add("Amina");

        List<FieldProblem> problems = problems(form);

        assertThat(problems).hasSizeGreaterThanOrEqualTo(12);
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message())
                .doesNotContain(GIVEN_NAME).doesNotContain(FAMILY_NAME)
                .doesNotContain("Nourhan").doesNotContain("Zoubi").doesNotContain("Amina"));
        assertThat(invalid(form).getMessage()).doesNotContain(GIVEN_NAME).doesNotContain(FAMILY_NAME)
                .doesNotContain("Nourhan").doesNotContain("Amina");
    }

    @Test
    void householdAndMemberToStringHideThePersonalData() throws InvalidRegistrationException {
        Household household = read(form);

        assertThat(household.toString()).doesNotContain(GIVEN_NAME).doesNotContain("Aleppo");
        assertThat(household.focalPoint().toString()).doesNotContain(GIVEN_NAME).doesNotContain(FAMILY_NAME);
    }

    private Household read(JsonNode json) throws InvalidRegistrationException {
        return HouseholdJson.read(json, catalogue, TODAY);
    }

    private void assertProblems(JsonNode json, String... fields) {
        assertThat(problems(json)).extracting(FieldProblem::field).containsExactlyInAnyOrder(fields);
    }

    private List<FieldProblem> problems(JsonNode json) {
        return invalid(json).problems();
    }

    private InvalidRegistrationException invalid(JsonNode json) {
        return assertThatExceptionOfType(InvalidRegistrationException.class).isThrownBy(() -> read(json)).actual();
    }

    private static ArrayNode members(ObjectNode household) {
        return (ArrayNode) household.get("members");
    }

    private static ArrayNode needs(ObjectNode member) {
        return (ArrayNode) member.get("needs");
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

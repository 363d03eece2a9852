package org.threshold.core.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.threshold.core.needs.NeedsCatalogue;

/** Consent per purpose, with who, when, in which language, and a child's assent apart from the guardian's. */
class ConsentJsonTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static ObjectNode withChild() {
        ObjectNode form = HouseholdJsonTest.parse(HouseholdJsonTest.EXAMPLE);
        ObjectNode child = form.get("members").get(0).deepCopy();
        child.remove("birthDate");
        child.put("ageEstimate", 9).put("relationship", "DAUGHTER");
        form.withArray("members").add(child);
        return form;
    }

    @Test
    void the_optional_consent_record_is_read_and_written_back() throws InvalidRegistrationException {
        ObjectNode form = withChild();
        ((ObjectNode) form.get("consent")).put("language", "ar").put("givenBy", 0).put("recordedBy", "demo")
                .put("recordedAt", "2026-11-24T08:00:00Z").putArray("children").addObject()
                .put("member", 1).put("guardianConsent", true).put("childAssent", false);

        Household household = HouseholdJson.read(form, NeedsCatalogue.bundled(), TODAY);

        assertThat(household.consent()).isEqualTo(new Consent(true, true, "ar", 0, "demo",
                Instant.parse("2026-11-24T08:00:00Z"), List.of(new Consent.ChildConsent(1, true, Consent.Assent.REFUSED))));
        assertThat(HouseholdJson.read(HouseholdJson.write(household), NeedsCatalogue.bundled(), TODAY))
                .isEqualTo(household);
    }

    @Test
    void a_child_not_asked_is_not_recorded_as_refusing() throws InvalidRegistrationException {
        ObjectNode form = withChild();
        ((ObjectNode) form.get("consent")).putArray("children").addObject()
                .put("member", 1).put("guardianConsent", true).putNull("childAssent");

        Household household = HouseholdJson.read(form, NeedsCatalogue.bundled(), TODAY);

        assertThat(household.consent().children())
                .containsExactly(new Consent.ChildConsent(1, true, Consent.Assent.NOT_ASKED));
        assertThat(HouseholdJson.write(household).get("consent").get("children").toString())
                .isEqualTo("[{\"member\":1,\"guardianConsent\":true,\"childAssent\":null}]");
        assertThat(HouseholdJson.read(HouseholdJson.write(household), NeedsCatalogue.bundled(), TODAY))
                .isEqualTo(household);
    }

    @Test
    void the_household_json_without_them_stays_as_it_was() throws InvalidRegistrationException {
        Household household = HouseholdJson.read(HouseholdJsonTest.parse(HouseholdJsonTest.EXAMPLE),
                NeedsCatalogue.bundled(), TODAY);
        assertThat(household.consent()).isEqualTo(new Consent(true, true));
        assertThat(HouseholdJson.write(household).get("consent").toString())
                .isEqualTo("{\"registration\":true,\"referral\":true}");
    }

    @Test
    void a_child_outside_the_household_and_a_missing_assent_are_named_at_their_fields() {
        ObjectNode form = withChild();
        var children = ((ObjectNode) form.get("consent")).putArray("children");
        children.addObject().put("member", 5).put("guardianConsent", true).put("childAssent", true);
        children.addObject().put("member", 1).put("guardianConsent", true);

        InvalidRegistrationException e = catchThrowableOfType(InvalidRegistrationException.class,
                () -> HouseholdJson.read(form, NeedsCatalogue.bundled(), TODAY));

        assertThat(e.problems()).extracting(FieldProblem::field)
                .containsExactly("consent.children[0].member", "consent.children[1].childAssent");
        assertThat(e.problems().get(1).message(Locale.forLanguageTag("ar"))).isEqualTo("أجب بـ true أو false");
    }

    @Test
    void a_consent_change_keeps_registration_and_needs_a_reason() throws InvalidRegistrationException {
        Consent current = new Consent(true, true, "ar", 0, "demo", Instant.EPOCH, List.of());
        ObjectNode change = HouseholdJsonTest.parse("{\"referral\":false,\"reason\":\"withdrawn at interview\"}");

        HouseholdJson.ConsentChange changed = HouseholdJson.readConsentChange(change, current, 2);

        assertThat(changed.consent().registration()).isTrue();
        assertThat(changed.consent().referral()).isFalse();
        assertThat(changed.consent().language()).isEqualTo("ar");
        assertThat(changed.reason()).isEqualTo("withdrawn at interview");
        InvalidRegistrationException e = catchThrowableOfType(InvalidRegistrationException.class,
                () -> HouseholdJson.readConsentChange(HouseholdJsonTest.parse("{\"referral\":false}"), current, 2));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("reason");
    }
}

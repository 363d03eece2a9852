package org.threshold.core.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrectionsTest {
    private final ObjectNode household = HouseholdJsonTest.parse(HouseholdJsonTest.EXAMPLE);

    @Test
    void corrects_fields_adds_members_and_needs_on_a_copy() throws InvalidRegistrationException {
        ObjectNode request = HouseholdJsonTest.parse("""
                {"corrections":[{"member":0,"field":"familyName","value":null},{"field":"phone","value":"+1 555 0100"}],
                 "addMembers":[{"givenName":"Sami","sex":"M","ageEstimate":7,"nationality":"SYR","relationship":"SON"}],
                 "addNeeds":[{"member":"١","needs":["SM-CI"]}]}""");

        ObjectNode corrected = Corrections.apply(request, household);

        assertThat(corrected.path("members").get(0).path("familyName").isNull()).isTrue();
        assertThat(corrected.path("phone").asText()).isEqualTo("+1 555 0100");
        assertThat(corrected.path("members").get(1).path("needs").get(0).asText()).isEqualTo("SM-CI");
        assertThat(household.path("members")).as("the original is untouched").hasSize(1);
    }

    @Test
    void unknown_fields_and_members_are_named() {
        ObjectNode request = HouseholdJsonTest.parse("""
                {"corrections":[{"member":3,"field":"givenName","value":"x"},{"field":"site","value":"x"},
                                {"member":0,"field":"token","value":"x"}],
                 "addNeeds":[{"member":0,"needs":"SM-CI"}]}""");

        InvalidRegistrationException e = catchThrowableOfType(InvalidRegistrationException.class,
                () -> Corrections.apply(request, household));

        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("corrections[0].member",
                "corrections[1].field", "corrections[2].field", "addNeeds[0].needs");
        assertThat(catchThrowableOfType(InvalidRegistrationException.class,
                () -> Corrections.apply(HouseholdJsonTest.parse("{}"), household)).problems())
                .extracting(FieldProblem::key).containsExactly("field.correction.empty");
    }

    @Test
    void a_change_payload_reads_back_as_written() {
        ObjectNode details = HouseholdChange.newDetails().put("reason", "withdrawn");
        HouseholdChange change = new HouseholdChange(UUID.randomUUID(), "TH1:X", Instant.parse("2026-11-24T10:00:00Z"),
                "demo", details);
        assertThat(HouseholdChange.fromJson(change.toJson())).isEqualTo(change);
    }
}

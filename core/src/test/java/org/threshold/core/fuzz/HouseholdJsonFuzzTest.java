package org.threshold.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import org.threshold.core.input.StrictJson;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.registration.RegistrationPayload;

/**
 * A household form as the kiosk reads it, and a registration payload as the hub reads it: parse strictly,
 * validate, and either accept or list at most 50 problems; what is accepted writes back to the same household.
 */
class HouseholdJsonFuzzTest {
    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final NeedsCatalogue CATALOGUE = NeedsCatalogue.bundled();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "60m")
    void householdJson(byte[] input) throws InvalidRegistrationException {
        JsonNode json;
        try {
            json = JSON.readTree(input);
        } catch (IOException malformed) {
            json = null;
        }
        if (json != null) {
            try {
                Household household = HouseholdJson.read(json, CATALOGUE, TODAY);
                assertThat(HouseholdJson.read(HouseholdJson.write(household), CATALOGUE, TODAY)).isEqualTo(household);
            } catch (InvalidRegistrationException refused) {
                assertThat(refused.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(HouseholdJson.MAX_PROBLEMS);
            }
        }
        try {
            RegistrationPayload payload = RegistrationPayload.fromJson(input, CATALOGUE);
            assertThat(RegistrationPayload.fromJson(payload.toJson(), CATALOGUE)).isEqualTo(payload);
        } catch (InvalidRegistrationException refused) {
            assertThat(refused.problems()).isNotEmpty();
        }
    }
}

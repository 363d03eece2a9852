package org.threshold.hub.app.household;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;

/** Reads an opened household back into core's model, as the kiosk validated it on its registration day. */
public final class StoredHousehold {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredHousehold() {
    }

    /** @throws IllegalStateException if it does not read back (never quoting it: it is personal data) */
    public static Household read(HouseholdRecord record, NeedsCatalogue catalogue) {
        LocalDate registered = record.registeredAt().atOffset(ZoneOffset.UTC).toLocalDate();
        try {
            return HouseholdJson.read(JSON.readTree(record.householdJson()), catalogue, registered);
        } catch (JsonProcessingException | InvalidRegistrationException e) {
            throw new IllegalStateException("The stored household " + record.householdId() + " does not read back ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}

package org.threshold.hub.app.household;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.report.HouseholdFacts;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.duplicate.DuplicateDetection;
import org.threshold.hub.app.report.ReportProjection;
import org.threshold.hub.app.report.ReportRepository;

/**
 * Stores a changed household in the caller's transaction, whoever changed it (a kiosk's correction or consent change,
 * the data protection officer's correction): sealed anew under a fresh data key, indexed by its new names and births,
 * counted again for the reports, and, if its members changed, compared again for potential duplicates. What registered
 * it (token, kiosk, site, time, event) stays.
 */
public final class HouseholdReseal {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HouseholdVault vault;
    private final NeedsCatalogue catalogue;
    private final DuplicateDetection duplicates;

    public HouseholdReseal(HouseholdVault vault, NeedsCatalogue catalogue, DuplicateDetection duplicates) {
        this.vault = vault;
        this.catalogue = catalogue;
        this.duplicates = duplicates;
    }

    /** @param changed validated as at registration ({@code HouseholdJson.read}) */
    public void store(Repositories repositories, HouseholdRecord household, Household changed) {
        HouseholdVault.Sealed sealed = vault.seal(new HouseholdRecord(household.householdId(), household.tokenId(),
                household.tokenKioskId(), household.tokenIssuedOn(), household.kioskId(), household.site(),
                household.registeredAt(), HouseholdJson.write(changed).toString(), household.eventId()), changed);
        repositories.households().replace(sealed.household());
        repositories.households().index(Map.of(household.householdId(), sealed.terms()));
        ReportProjection.changed(repositories, new ReportRepository.Reported(household.householdId(),
                HouseholdFacts.of(household.site(), changed, catalogue)));
        if (!members(household).equals(sealedMembers(changed))) {
            // New names or births may match a household they did not match before (or at registration).
            duplicates.detect(repositories, List.of(duplicates.arrival(household.householdId(), changed)));
        }
    }

    private static JsonNode members(HouseholdRecord household) {
        try {
            return JSON.readTree(household.householdJson()).path("members");
        } catch (JsonProcessingException e) {
            // Never quote it: the stored household is personal data.
            throw new IllegalStateException("The stored household " + household.householdId() + " is not JSON");
        }
    }

    private static JsonNode sealedMembers(Household changed) {
        return HouseholdJson.write(changed).path("members");
    }
}

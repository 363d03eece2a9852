package org.threshold.hub.app.household;

import java.util.Map;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.report.HouseholdFacts;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.report.ReportProjection;
import org.threshold.hub.app.report.ReportRepository;

/**
 * Stores a changed household in the caller's transaction, whoever changed it (a kiosk's correction or consent change,
 * the data protection officer's correction): sealed anew under a fresh data key, indexed by its new names and births,
 * and counted again for the reports. What registered it (token, kiosk, site, time, event) stays.
 */
public final class HouseholdReseal {
    private final HouseholdVault vault;
    private final NeedsCatalogue catalogue;

    public HouseholdReseal(HouseholdVault vault, NeedsCatalogue catalogue) {
        this.vault = vault;
        this.catalogue = catalogue;
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
    }
}

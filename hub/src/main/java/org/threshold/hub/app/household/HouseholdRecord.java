package org.threshold.hub.app.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.threshold.core.token.TokenId;

/**
 * A household in the read model, found by the token printed for it. {@code householdJson} is the household
 * as {@code HouseholdJson.write} renders it: personal data, so {@link #toString()} leaves it out.
 *
 * @param kioskId the kiosk whose event registered it; {@code eventId} is that event
 */
public record HouseholdRecord(UUID householdId, TokenId tokenId, String tokenKioskId, LocalDate tokenIssuedOn,
                              String kioskId, String site, Instant registeredAt, String householdJson,
                              UUID eventId) {
    @Override
    public String toString() {
        return "HouseholdRecord[" + householdId + " from event " + eventId + ", personal data redacted]";
    }
}

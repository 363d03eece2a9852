package org.threshold.hub.app.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.threshold.core.token.TokenId;

/**
 * A household as the store keeps it: the token and what registered it in clear (none of it names anyone), the
 * household's JSON sealed under its own data key, and that key wrapped by the hub's data key ({@code keyId} names
 * which). An erased household keeps its row, with neither, and the time it was erased: its token then answers that
 * it was erased. Only {@link HouseholdVault} seals and opens it.
 */
public record SealedHousehold(UUID householdId, TokenId tokenId, String tokenKioskId, LocalDate tokenIssuedOn,
                              String kioskId, String site, Instant registeredAt, UUID eventId, String keyId,
                              byte[] wrappedKey, byte[] sealedJson, Instant erasedAt) {

    public boolean erased() {
        return erasedAt != null;
    }

    /** The same household under another token (a reissue); its sealed data stays as it is. */
    public SealedHousehold withToken(TokenId token, String kiosk, LocalDate issuedOn) {
        return new SealedHousehold(householdId, token, kiosk, issuedOn, kioskId, site, registeredAt, eventId, keyId,
                wrappedKey, sealedJson, erasedAt);
    }

    @Override
    public String toString() {
        return "SealedHousehold[" + householdId + " from event " + eventId + (erased() ? ", erased" : "") + "]";
    }
}

package org.threshold.hub.app.household;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.threshold.core.token.TokenId;

/**
 * A household in the read model, found by the token printed for it. {@code json} is the household as
 * {@code HouseholdJson.write} renders it, in UTF-8: personal data, so {@link #toString()} leaves it out. Kept as
 * bytes, as the vault opens it: {@link StoredHousehold} reads them without a String between.
 *
 * @param kioskId the kiosk whose event registered it; {@code eventId} is that event
 */
public record HouseholdRecord(UUID householdId, TokenId tokenId, String tokenKioskId, LocalDate tokenIssuedOn,
                              String kioskId, String site, Instant registeredAt, byte[] json, UUID eventId) {
    public HouseholdRecord {
        json = json.clone();
    }

    /** A household whose JSON is {@code householdJson} (as the projector writes it). */
    public HouseholdRecord(UUID householdId, TokenId tokenId, String tokenKioskId, LocalDate tokenIssuedOn,
                           String kioskId, String site, Instant registeredAt, String householdJson, UUID eventId) {
        this(householdId, tokenId, tokenKioskId, tokenIssuedOn, kioskId, site, registeredAt,
                householdJson.getBytes(StandardCharsets.UTF_8), eventId);
    }

    @Override
    public byte[] json() {
        return json.clone();
    }

    /** The record's own bytes, not a copy: for {@link StoredHousehold}, which only reads them. */
    byte[] jsonForReading() {
        return json;
    }

    /** The JSON as text, for sealing it. */
    public String householdJson() {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HouseholdRecord that && Objects.equals(householdId, that.householdId)
                && Objects.equals(tokenId, that.tokenId) && Objects.equals(tokenKioskId, that.tokenKioskId)
                && Objects.equals(tokenIssuedOn, that.tokenIssuedOn) && Objects.equals(kioskId, that.kioskId)
                && Objects.equals(site, that.site) && Objects.equals(registeredAt, that.registeredAt)
                && Arrays.equals(json, that.json) && Objects.equals(eventId, that.eventId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(householdId) * 31 + Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return "HouseholdRecord[" + householdId + " from event " + eventId + ", personal data redacted]";
    }
}

package org.threshold.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.DeploymentLayout;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.RegistrationPayload;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;

/** Shared inputs, so every benchmark measures the same realistic registration rather than a toy one. */
final class Fixtures {
    static final String KIOSK = "KIOSK-01";
    // Today, not a fixed date: the kiosk checks arrival dates against its clock (no more than a year back).
    static final Instant REGISTERED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final LocalDate TODAY = LocalDate.ofInstant(REGISTERED_AT, ZoneOffset.UTC);

    // Arrived yesterday (UTC), so also not in the future for a kiosk whose zone is behind UTC.
    // A focal point and three children with Arabic names (2 bytes a letter in UTF-8). With the token's
    // QR text the payload is about 1.1 KB, so AES-GCM and SHA-512 see realistic lengths, not a toy one.
    private static final String HOUSEHOLD = """
            {"arrivalDate":"%s","origin":{"country":"SYR","place":"Aleppo"},"languages":["ar"],
             "consent":{"registration":true,"referral":true},"members":[
             {"givenName":"نورهان","familyName":"الزعبي","sex":"F","birthDate":"1990-03-01",
              "birthDateEstimated":false,"nationality":"SYR","relationship":"FOCAL_POINT","needs":["WR-SF"]},
             {"givenName":"يوسف","familyName":"الزعبي","sex":"M","birthDate":"2014-07-12",
              "birthDateEstimated":false,"nationality":"SYR","relationship":"SON","needs":["CR-NE"]},
             {"givenName":"لين","familyName":"الزعبي","sex":"F","birthDate":"2017-01-01",
              "birthDateEstimated":true,"nationality":"SYR","relationship":"DAUGHTER","needs":[]},
             {"givenName":"عمر","familyName":"الزعبي","sex":"M","birthDate":"2021-05-20",
              "birthDateEstimated":false,"nationality":"SYR","relationship":"SON","needs":["DS-PM"]}]}
            """
            .formatted(TODAY.minusDays(1));

    private Fixtures() {
    }

    /** The bench household as the kiosk's page would submit it (already parsed, not yet validated). */
    static JsonNode household() {
        try {
            return new ObjectMapper().readTree(HOUSEHOLD);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The bench household is not JSON", e);
        }
    }

    /** The signing key Provisioner.enrollKiosk wrote into a kiosk's data folder. */
    static SigningKey enrolledKioskKey(Path kioskDir) {
        try {
            return new ObjectMapper().readValue(kioskDir.resolve(DeploymentLayout.KIOSK_KEY).toFile(),
                    KeyPairFile.class).signingKey();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the enrolled kiosk key in " + kioskDir, e);
        }
    }

    /** The plaintext a kiosk seals for one household, built through the production code path. */
    static byte[] registrationPayload(SigningKey kioskKey, TokenId tokenId) {
        try {
            Household household = HouseholdJson.read(household(),
                    NeedsCatalogue.bundled(), TODAY);
            IssuedToken token = IssuedToken.issue(tokenId, KIOSK, TODAY, kioskKey);
            return new RegistrationPayload(UUID.fromString("0191f3a2-7c4e-7b1a-9d2e-5f6a7b8c9d0e"), "Bab al-Hawa",
                    REGISTERED_AT, token, household).toJson();
        } catch (Exception e) {
            throw new IllegalStateException("The bench household no longer validates: " + e, e);
        }
    }
}

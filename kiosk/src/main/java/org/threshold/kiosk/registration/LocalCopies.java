package org.threshold.kiosk.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.UUID;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.IssuedToken;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;

/** The household's local copy, encrypted under the local data key, and the token a stored registration holds. */
final class LocalCopies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCopies() {
    }

    static byte[] encrypt(LocalDataKey key, UUID householdId, Household household) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(HouseholdJson.write(household));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
        try {
            return key.encryptHousehold(householdId, json);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    static IssuedToken token(StoredRegistration registration) {
        try {
            return IssuedToken.parseQr(registration.qr());
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("A token this kiosk stored no longer parses: " + e.reason(), e);
        }
    }
}

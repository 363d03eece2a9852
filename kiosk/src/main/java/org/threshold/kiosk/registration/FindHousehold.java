package org.threshold.kiosk.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.threshold.core.token.TokenId;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;

/** Finds a registration made on this kiosk by its token, opening the local copy with the operator's key. */
public final class FindHousehold {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistrationStore store;

    public FindHousehold(RegistrationStore store) {
        this.store = store;
    }

    /** Whether the household's names could be shown, and if not, why. */
    public enum LocalCopy {
        OPENED,
        /** Registered by an operator whose session had no local data key. */
        NOT_KEPT,
        /** This operator's session holds no local data key. */
        NO_KEY,
        /** The copy does not open with this session's key (altered, or made under another key). */
        UNREADABLE
    }

    /** @param household the household JSON when {@code localCopy} is OPENED, otherwise null */
    public record FoundHousehold(StoredRegistration registration, String shortCode, LocalCopy localCopy,
                                 JsonNode household) {
    }

    public Optional<FoundHousehold> find(TokenId token, Optional<LocalDataKey> localKey) {
        return store.findByToken(token.code()).map(registration -> open(registration, token, localKey));
    }

    private static FoundHousehold open(StoredRegistration registration, TokenId token,
                                       Optional<LocalDataKey> localKey) {
        if (registration.localCopy() == null) {
            return new FoundHousehold(registration, token.shortCode(), LocalCopy.NOT_KEPT, null);
        }
        if (localKey.isEmpty()) {
            return new FoundHousehold(registration, token.shortCode(), LocalCopy.NO_KEY, null);
        }
        Optional<byte[]> json = localKey.get().decryptHousehold(registration.householdId(), registration.localCopy());
        if (json.isEmpty()) {
            return new FoundHousehold(registration, token.shortCode(), LocalCopy.UNREADABLE, null);
        }
        try {
            return new FoundHousehold(registration, token.shortCode(), LocalCopy.OPENED, JSON.readTree(json.get()));
        } catch (IOException e) {
            throw new IllegalStateException("An authenticated local copy is not JSON", e);
        } finally {
            Arrays.fill(json.get(), (byte) 0);
        }
    }
}

package org.threshold.kiosk.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.localdata.NameTerms;
import org.threshold.kiosk.store.RegistrationStore;
import org.threshold.kiosk.store.RegistrationStore.StoredRegistration;

/**
 * Finds registrations made on this kiosk, by token or by name (through the blind index), opening the
 * local copies with the operator's key.
 */
public final class FindHousehold {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistrationStore store;

    public FindHousehold(RegistrationStore store) {
        this.store = store;
    }

    /** Whether the household's names could be shown, and if not, why. */
    public enum LocalCopy {
        OPENED,
        /** Destroyed after the hub acknowledged it and the retention window passed: look it up at the hub. */
        SHREDDED,
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

    public static final int MAX_RESULTS = 20;

    public Optional<FoundHousehold> find(TokenId token, Optional<LocalDataKey> localKey) {
        return store.findByToken(token.code()).map(registration -> open(registration, localKey));
    }

    /**
     * Households whose names match every word of {@code name} in any script the index folds together,
     * newest first, at most {@link #MAX_RESULTS}. Needs the local data key: the index is keyed with it.
     * Shredded households are no longer in the index.
     */
    public List<FoundHousehold> findByName(String name, LocalDataKey localKey) {
        List<Set<String>> words = NameTerms.termsPerWord(name);
        List<List<byte[]>> terms = new ArrayList<>();
        for (Set<String> word : words) {
            terms.add(localKey.blindTerms(word));
        }
        return store.findByNameTerms(terms, MAX_RESULTS).stream()
                .map(registration -> open(registration, Optional.of(localKey)))
                .toList();
    }

    private static TokenId tokenOf(StoredRegistration registration) {
        try {
            return IssuedToken.parseQr(registration.qr()).id();
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("A token this kiosk stored no longer parses: " + e.reason(), e);
        }
    }

    private static FoundHousehold open(StoredRegistration registration, Optional<LocalDataKey> localKey) {
        TokenId token = tokenOf(registration);
        if (registration.shreddedAt() != null) {
            return new FoundHousehold(registration, token.shortCode(), LocalCopy.SHREDDED, null);
        }
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

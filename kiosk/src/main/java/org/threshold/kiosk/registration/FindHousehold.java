package org.threshold.kiosk.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threshold.core.token.TokenId;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.core.search.NameTerms;
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

    /** The short code (with its check character) of a stored registration's token. */
    public static String shortCode(StoredRegistration registration) {
        return LocalCopies.token(registration).id().shortCode();
    }

    /** The newest local copies this key opens, newest first, at most {@code limit}. */
    public List<JsonNode> newest(int limit, LocalDataKey localKey) {
        return store.newestWithLocalCopy(limit).stream().map(registration -> open(registration, Optional.of(localKey)))
                .filter(found -> found.localCopy() == LocalCopy.OPENED).map(FoundHousehold::household).toList();
    }

    /** The household whose token this was, if a reissue replaced it. */
    public Optional<RegistrationStore.RevokedToken> revoked(TokenId token) {
        return store.findRevoked(token.code());
    }

    /** Of the valid codes one typo away from {@code typed} (see {@link TokenId#singleEditsOf}), those issued here. */
    public List<String> typoHints(String typed) {
        Map<String, TokenId> candidates = new LinkedHashMap<>();
        TokenId.singleEditsOf(typed).forEach(token -> candidates.put(token.code(), token));
        return store.existingCodes(candidates.keySet()).stream().map(code -> candidates.get(code).shortCode()).toList();
    }

    private static FoundHousehold open(StoredRegistration registration, Optional<LocalDataKey> localKey) {
        TokenId token = LocalCopies.token(registration).id();
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

package org.threshold.kiosk.localdata;

import org.threshold.core.crypto.AesGcm;
import org.threshold.core.search.BlindIndex;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The kiosk's local data key: 32 random bytes that encrypt the copies of households staff look up
 * during a shift. It exists in clear only in memory, only while an operator's session is unlocked;
 * on disk it is always wrapped under an operator passphrase. Thread-safe; unusable once destroyed.
 */
public final class LocalDataKey {
    private static final String HOUSEHOLD_CONTEXT = "threshold/local-household/v1:";
    private static final String INDEX_CONTEXT = "threshold/name-index/v1";

    private final byte[] key;
    private final SecureRandom random;
    private boolean destroyed;

    private LocalDataKey(byte[] key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    public static LocalDataKey generate(SecureRandom random) {
        byte[] key = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(key);
        return new LocalDataKey(key, random);
    }

    /** Takes ownership of {@code key}: the caller must not keep or clear it. */
    static LocalDataKey adopt(byte[] key, SecureRandom random) {
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("A local data key is " + AesGcm.KEY_BYTES + " bytes");
        }
        return new LocalDataKey(key, random);
    }

    /** Encrypts a household's JSON, bound to its household id so a copy cannot be moved to another row. */
    public synchronized byte[] encryptHousehold(UUID householdId, byte[] householdJson) {
        return AesGcm.encrypt(usableKey(), householdContext(householdId), householdJson, random);
    }

    /** The household's JSON, or empty if the copy was not made under this key for this household. */
    public synchronized Optional<byte[]> decryptHousehold(UUID householdId, byte[] localCopy) {
        return AesGcm.decrypt(usableKey(), householdContext(householdId), localCopy);
    }

    /**
     * The blind index terms: HMAC-SHA256 under a key derived from this one, so the index is worthless
     * (no dictionary of names can be run against it) without an unlocked shift.
     */
    public synchronized List<byte[]> blindTerms(Collection<String> terms) {
        byte[] indexKey = BlindIndex.deriveKey(usableKey(), INDEX_CONTEXT);
        try {
            return BlindIndex.terms(indexKey, terms);
        } finally {
            Arrays.fill(indexKey, (byte) 0);
        }
    }

    synchronized byte[] copyOfKey() {
        return usableKey().clone();
    }

    /** Overwrites the key in memory; called when the session that held it locks or expires. */
    public synchronized void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    private byte[] usableKey() {
        if (destroyed) {
            throw new IllegalStateException("The local data key was destroyed when the session locked");
        }
        return key;
    }

    private static byte[] householdContext(UUID householdId) {
        return (HOUSEHOLD_CONTEXT + householdId).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "LocalDataKey[REDACTED]";
    }
}

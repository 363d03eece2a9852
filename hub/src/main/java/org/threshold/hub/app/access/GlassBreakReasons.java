package org.threshold.hub.app.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.threshold.core.crypto.AesGcm;
import org.threshold.hub.deployment.HubDataKey;

/**
 * Seals a glass-break's reason for the store and opens it again, as the household vault seals a household: the
 * officer's words are free text that may name people, so they are personal data at rest. Each reason is sealed
 * (AES-256-GCM) under a fresh random key bound to its officer and household, so a sealed reason cannot be moved to
 * another grant's row; that key is wrapped by the hub's {@link HubDataKey}, which lives in the data folder, never in
 * the database. Stored as one text value, {@code sealed-v1.<key id>.<wrapped key>.<sealed reason>} (Base64url), so
 * the table keeps its shape. Thread-safe.
 */
public final class GlassBreakReasons {
    /** What every sealed reason starts with; a reason without it was stored in clear by an earlier release. */
    public static final String SEALED = "sealed-v1.";
    /**
     * What replaces a reason when its household is erased: its key goes with it, like the household's. It carries the
     * sealed mark, so no upgrade takes it for a reason in clear.
     */
    public static final String ERASED = SEALED + "erased";
    private static final String DATA_CONTEXT = "threshold/hub-glass-break-reason/v1:";
    private static final String KEY_CONTEXT = "threshold/hub-glass-break-key/v1:";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final HubDataKey key;
    private final SecureRandom random;

    public GlassBreakReasons(HubDataKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** {@code reason} sealed, for the grant of {@code username} on {@code householdId}. */
    public String seal(String username, UUID householdId, String reason) {
        byte[] reasonKey = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(reasonKey);
        byte[] clear = reason.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] sealed = AesGcm.encrypt(reasonKey, context(DATA_CONTEXT, username, householdId), clear, random);
            byte[] wrapped = key.wrap(reasonKey, context(KEY_CONTEXT, username, householdId), random);
            return SEALED + key.keyId() + "." + ENCODE.encodeToString(wrapped) + "." + ENCODE.encodeToString(sealed);
        } finally {
            Arrays.fill(reasonKey, (byte) 0);
            Arrays.fill(clear, (byte) 0);
        }
    }

    /**
     * The grant as stored, with its reason opened; null for a reason erased with its household.
     *
     * @throws IllegalStateException if the reason is not sealed, was sealed under another hub's data key, or its row
     *                               was altered
     */
    public GlassBreak open(GlassBreak stored) {
        if (stored.reason().equals(ERASED)) {
            return new GlassBreak(stored.id(), stored.username(), stored.householdId(), null, stored.grantedAt(),
                    stored.until());
        }
        String[] parts = stored.reason().startsWith(SEALED)
                ? stored.reason().substring(SEALED.length()).split("\\.", -1) : new String[0];
        if (parts.length != 3) {
            throw new IllegalStateException("The reason of glass-break " + stored.id() + " is not sealed");
        }
        if (!parts[0].equals(key.keyId())) {
            throw new IllegalStateException("The reason of glass-break " + stored.id() + " is sealed under data key "
                    + parts[0] + ", but this hub holds " + key.keyId() + ": restore the hub's data-key.json");
        }
        byte[] reasonKey = key.unwrap(DECODE.decode(parts[1]), context(KEY_CONTEXT, stored.username(),
                stored.householdId())).orElseThrow(() -> altered(stored));
        try {
            byte[] clear = AesGcm.decrypt(reasonKey, context(DATA_CONTEXT, stored.username(), stored.householdId()),
                    DECODE.decode(parts[2])).orElseThrow(() -> altered(stored));
            return new GlassBreak(stored.id(), stored.username(), stored.householdId(),
                    new String(clear, StandardCharsets.UTF_8), stored.grantedAt(), stored.until());
        } finally {
            Arrays.fill(reasonKey, (byte) 0);
        }
    }

    private static byte[] context(String purpose, String username, UUID householdId) {
        return (purpose + householdId + ":" + username).getBytes(StandardCharsets.UTF_8);
    }

    private static IllegalStateException altered(GlassBreak stored) {
        return new IllegalStateException("The reason of glass-break " + stored.id() + " does not open under the "
                + "hub's data key: its row was altered");
    }
}

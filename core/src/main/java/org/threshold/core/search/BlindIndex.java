package org.threshold.core.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed blind-index terms, the same on kiosk and hub: each term (from {@link NameTerms} or {@link HouseholdIndex}) as
 * HMAC-SHA256 under an index key, cut to {@link #TERM_BYTES} (128 bits: no collisions among millions of names).
 * Without the key no dictionary of names can be run against the stored terms.
 */
public final class BlindIndex {
    public static final int TERM_BYTES = 16;

    private BlindIndex() {
    }

    /** An index key derived from {@code secret} for one {@code context}, so one secret can serve several uses. */
    public static byte[] deriveKey(byte[] secret, String context) {
        return hmac(secret, context.getBytes(StandardCharsets.US_ASCII));
    }

    /** The blind form of each term, in order. */
    public static List<byte[]> terms(byte[] indexKey, Collection<String> terms) {
        // One keyed MAC for all the terms: looking it up and keying it cost more than a short term's HMAC.
        Mac mac = mac(indexKey);
        List<byte[]> out = new ArrayList<>(terms.size());
        for (String term : terms) {
            out.add(Arrays.copyOf(mac.doFinal(term.getBytes(StandardCharsets.UTF_8)), TERM_BYTES));
        }
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        return mac(key).doFinal(message);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}

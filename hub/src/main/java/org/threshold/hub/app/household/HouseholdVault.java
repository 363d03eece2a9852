package org.threshold.hub.app.household;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.threshold.core.crypto.AesGcm;
import org.threshold.core.registration.Household;
import org.threshold.core.search.BlindIndex;
import org.threshold.core.search.DuplicateRule;
import org.threshold.core.search.HouseholdIndex;
import org.threshold.hub.deployment.HubDataKey;

/**
 * Seals a household for the store and opens it again: its JSON under a fresh random data key (AES-256-GCM, bound to
 * the household id so a sealed copy cannot be moved to another row), that key wrapped by the hub's
 * {@link HubDataKey}; and its blind-index terms ({@link HouseholdIndex}: names in every script, dates and years of
 * birth) as HMACs under the hub's index key. Erasing a household destroys its wrapped key, which is all it takes to
 * make the sealed JSON unreadable for good. Thread-safe.
 */
public final class HouseholdVault {
    private static final byte[] DATA_CONTEXT = "threshold/hub-household/v1:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_CONTEXT = "threshold/hub-household-key/v1:".getBytes(StandardCharsets.US_ASCII);

    private final HubDataKey key;
    private final SecureRandom random;

    public HouseholdVault(HubDataKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** A household sealed, with the blind terms to index it by. */
    public record Sealed(SealedHousehold household, List<byte[]> terms) {
    }

    /**
     * Seals {@code record}, whose JSON is {@code household} as written, and indexes its names and births; with no
     * terms if {@code household} is null (a stored household that no longer reads: sealed, but found by token only).
     */
    public Sealed seal(HouseholdRecord record, Household household) {
        return sealIndexedBy(record, household == null ? List.of() : blind(terms(household)));
    }

    /** A household's blind index terms and its blind duplicate blocking keys ({@link DuplicateRule#blockingKeys}). */
    public record BlindTerms(List<byte[]> index, List<byte[]> blockingKeys) {
    }

    /** {@code household}'s {@link BlindTerms}, each name transliterated once for both, blinded with one keyed MAC. */
    public BlindTerms blindTerms(Household household) {
        HouseholdIndex.TermsAndKeys made = HouseholdIndex.termsAndDuplicateKeys(household, DuplicateRule.YEAR_SLACK);
        Set<String> index = new LinkedHashSet<>(made.terms());
        index.addAll(HouseholdIndex.birthTerms(household));
        List<String> all = new ArrayList<>(index);
        all.addAll(made.duplicateKeys());
        List<byte[]> blind = blind(all);
        return new BlindTerms(blind.subList(0, index.size()), blind.subList(index.size(), blind.size()));
    }

    /** Seals {@code record}, to be indexed by {@code blindTerms} (its {@link BlindTerms#index}). */
    public Sealed sealIndexedBy(HouseholdRecord record, List<byte[]> blindTerms) {
        byte[] dataKey = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(dataKey);
        byte[] json = record.householdJson().getBytes(StandardCharsets.UTF_8);
        try {
            byte[] id = id(record.householdId());
            byte[] sealed = AesGcm.encrypt(dataKey, context(DATA_CONTEXT, id), json, random);
            byte[] wrapped = key.wrap(dataKey, context(KEY_CONTEXT, id), random);
            return new Sealed(new SealedHousehold(record.householdId(), record.tokenId(), record.tokenKioskId(),
                    record.tokenIssuedOn(), record.kioskId(), record.site(), record.registeredAt(), record.eventId(),
                    key.keyId(), wrapped, sealed, null), blindTerms);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(json, (byte) 0);
        }
    }

    /**
     * The household in clear.
     *
     * @throws IllegalStateException if it was erased, or does not open under this hub's data key (the data folder
     *                               holds another hub's key file, or the row was altered)
     */
    public HouseholdRecord open(SealedHousehold sealed) {
        if (sealed.erased()) {
            throw new IllegalStateException("Household " + sealed.householdId() + " was erased");
        }
        if (!key.keyId().equals(sealed.keyId())) {
            throw new IllegalStateException("Household " + sealed.householdId() + " is sealed under data key "
                    + sealed.keyId() + ", but this hub holds " + key.keyId() + ": restore the hub's data-key.json");
        }
        byte[] id = id(sealed.householdId());
        byte[] dataKey = key.unwrap(sealed.wrappedKey(), context(KEY_CONTEXT, id))
                .orElseThrow(() -> altered(sealed));
        try {
            byte[] json = AesGcm.decrypt(dataKey, context(DATA_CONTEXT, id), sealed.sealedJson())
                    .orElseThrow(() -> altered(sealed));
            // The record keeps its own copy of the bytes: no String of them (StoredHousehold reads the bytes).
            HouseholdRecord opened = new HouseholdRecord(sealed.householdId(), sealed.tokenId(),
                    sealed.tokenKioskId(), sealed.tokenIssuedOn(), sealed.kioskId(), sealed.site(),
                    sealed.registeredAt(), json, sealed.eventId());
            Arrays.fill(json, (byte) 0);
            return opened;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The blind form of search or index terms, in order. */
    public List<byte[]> blind(Collection<String> terms) {
        byte[] indexKey = key.indexKey();
        try {
            return BlindIndex.terms(indexKey, terms);
        } finally {
            Arrays.fill(indexKey, (byte) 0);
        }
    }

    private static Set<String> terms(Household household) {
        Set<String> terms = new LinkedHashSet<>(HouseholdIndex.terms(household));
        terms.addAll(HouseholdIndex.birthTerms(household));
        return terms;
    }

    private static byte[] id(UUID householdId) {
        return householdId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** What a sealed part is bound to: its purpose and the household's id ({@link #id}), as ASCII. */
    private static byte[] context(byte[] purpose, byte[] id) {
        byte[] context = Arrays.copyOf(purpose, purpose.length + id.length);
        System.arraycopy(id, 0, context, purpose.length, id.length);
        return context;
    }

    private static IllegalStateException altered(SealedHousehold sealed) {
        return new IllegalStateException("Household " + sealed.householdId() + " does not open under the hub's data "
                + "key: its row was altered");
    }
}

package org.threshold.hub.app.household;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.hub.app.HubStore;

/**
 * Seals the households a release before sealing at rest stored in clear (migration V10 left them in
 * {@code households_unsealed}): each is sealed and indexed as a new one would be, and its clear row deleted in the
 * same transaction, a chunk at a time, then purges what the database keeps of deleted rows. The hub runs it at every start before it serves, so an upgraded hub serves no
 * household in clear; with nothing left to seal it costs one query. Safe to run from several instances at once.
 */
public final class HouseholdSealingUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdSealingUpgrade.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 256;

    private HouseholdSealingUpgrade() {
    }

    /** Seals every household still in clear; returns how many it sealed. */
    public static long sealAll(HubStore store, HouseholdVault vault, NeedsCatalogue catalogue) {
        long sealed = 0;
        int chunk;
        do {
            chunk = store.inTransaction(repositories -> {
                List<HouseholdRecord> clear = repositories.households().unsealed(CHUNK);
                Map<UUID, List<byte[]>> terms = new HashMap<>();
                List<SealedHousehold> rows = clear.stream().map(record -> {
                    HouseholdVault.Sealed one = vault.seal(record, read(record, catalogue));
                    terms.put(record.householdId(), one.terms());
                    return one.household();
                }).toList();
                // A clear row was projected once, so nothing can clash with it here.
                repositories.households().insertNew(rows);
                repositories.households().index(terms);
                repositories.households().dropUnsealed(clear.stream().map(HouseholdRecord::householdId).toList());
                return clear.size();
            });
            sealed += chunk;
        } while (chunk == CHUNK);
        if (sealed > 0) {
            // The clear rows are deleted; leave as little of them in the database's files as the engine allows.
            store.purgeDeleted();
            LOG.info("Sealed {} household(s) stored in clear by an earlier release", sealed);
        }
        return sealed;
    }

    /** The household for its index terms, or null if it no longer reads (it is sealed all the same). */
    private static Household read(HouseholdRecord record, NeedsCatalogue catalogue) {
        try {
            return HouseholdJson.read(JSON.readTree(record.householdJson()), catalogue,
                    record.registeredAt().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1));
        } catch (JsonProcessingException | InvalidRegistrationException e) {
            LOG.warn("Household {} stored in clear does not read back ({}): sealed without search terms",
                    record.householdId(), e.getClass().getSimpleName());
            return null;
        }
    }
}

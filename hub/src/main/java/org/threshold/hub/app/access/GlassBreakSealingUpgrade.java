package org.threshold.hub.app.access;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.hub.app.HubStore;

/**
 * Seals the glass-break reasons an earlier release stored in clear, a chunk at a time, then purges what the database
 * keeps of the clear text. The hub runs it at every start before it serves; with nothing left to seal it costs one
 * query. Safe to run from several instances at once (a reason already sealed is never picked again).
 */
public final class GlassBreakSealingUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(GlassBreakSealingUpgrade.class);
    private static final int CHUNK = 256;

    private GlassBreakSealingUpgrade() {
    }

    /** Seals every reason still in clear; returns how many it sealed. */
    public static long sealAll(HubStore store, GlassBreakReasons reasons) {
        long sealed = 0;
        int chunk;
        do {
            chunk = store.inTransaction(repositories -> {
                List<GlassBreak> clear = repositories.glassBreaks().inClear(GlassBreakReasons.SEALED, CHUNK);
                clear.forEach(grant -> repositories.glassBreaks().replaceReason(grant.id(),
                        reasons.seal(grant.username(), grant.householdId(), grant.reason())));
                return clear.size();
            });
            sealed += chunk;
        } while (chunk == CHUNK);
        if (sealed > 0) {
            store.purgeDeleted();
            LOG.info("Sealed {} glass-break reason(s) stored in clear by an earlier release", sealed);
        }
        return sealed;
    }
}

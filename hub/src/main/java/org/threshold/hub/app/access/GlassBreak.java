package org.threshold.hub.app.access;

import java.time.Instant;
import java.util.UUID;

/**
 * A protection officer's break of the glass: for {@link GlassBreaks#LASTS}, one household opens to them whole,
 * whatever their services' scope hides. The reason is the officer's own words, for the DPO.
 *
 * @param id     the row, newest highest: the cursor of the DPO's list
 * @param reason null once the household was erased (see {@link GlassBreakReasons#ERASED})
 */
public record GlassBreak(long id, String username, UUID householdId, String reason, Instant grantedAt,
                         Instant until) {

    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }

    /** Never the reason: it is free text and may name people. */
    @Override
    public String toString() {
        return "GlassBreak[" + id + ", " + username + ", " + householdId + ", until " + until + "]";
    }
}

package org.threshold.hub.app.audit;

/**
 * A record as the DPO lists it.
 *
 * @param id      its row: the cursor the next page continues below
 * @param chained whether it has a place in the hash chain (records written before the chain began have none)
 */
public record AccessLogEntry(long id, AccessRecord record, boolean chained) {
}

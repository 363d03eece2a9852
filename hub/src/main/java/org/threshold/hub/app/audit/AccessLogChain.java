package org.threshold.hub.app.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.event.ChainPosition;

/**
 * The access log's hash chain: record {@code n}'s hash is SHA-256 over record {@code n-1}'s hash (all zeros before the
 * first) and record {@code n}'s canonical encoding (a version tag, its seq, time in epoch milliseconds, account,
 * action, outcome, its household or its page's households with their purposes). Removing a record, or a household
 * from a page's record, leaves a gap in seq or changes its hash; either breaks every later link, and removing the
 * last ones leaves the stored head pointing past the end.
 */
public final class AccessLogChain {
    private static final byte[] TAG = "threshold-access-log-v1".getBytes(StandardCharsets.UTF_8);

    private AccessLogChain() {
    }

    /**
     * Appends {@code records} to the chain in {@code log}, in their order, within the caller's transaction: locks the
     * head (so another hub instance appending at the same time waits, then continues from the new head), inserts the
     * chained records and moves the head once.
     */
    public static void append(AccessLogRepository log, List<AccessRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        ChainPosition head = log.lockHead();
        List<ChainedRecord> chained = new ArrayList<>(records.size());
        long seq = head.sequence();
        byte[] hash = head.hash();
        for (AccessRecord record : records) {
            seq++;
            AccessRecord stored = asStored(record);
            hash = link(hash, seq, stored);
            chained.add(new ChainedRecord(seq, stored, hash));
        }
        log.insertChained(chained);
        log.moveHead(new ChainPosition(seq, hash));
    }

    /** The record as the store keeps it: time to the millisecond. */
    static AccessRecord asStored(AccessRecord record) {
        Instant at = record.at().truncatedTo(ChronoUnit.MILLIS);
        return at.equals(record.at()) ? record : new AccessRecord(at, record.username(), record.action(),
                record.outcome(), record.householdId(), record.shown());
    }

    /** The hash of {@code record} at {@code seq}, after the record whose hash is {@code previous}. */
    public static byte[] link(byte[] previous, long seq, AccessRecord record) {
        CanonicalWriter encoding = new CanonicalWriter(128)
                .bytes(TAG)
                .i64(seq)
                .i64(record.at().toEpochMilli())
                .bytes(utf8(record.username()))
                .bytes(utf8(record.action()))
                .bytes(utf8(record.outcome()));
        if (!record.shown().isEmpty()) {
            // A page's record (schema version 21); the two forms before it encode exactly as they always did.
            encoding.u8(2).u32(record.shown().size());
            for (AccessRecord.Shown shown : record.shown()) {
                encoding.bytes(utf8(shown.householdId().toString())).bytes(utf8(shown.purpose()));
            }
        } else if (record.householdId() == null) {
            encoding.u8(0);
        } else {
            encoding.u8(1).bytes(utf8(record.householdId().toString()));
        }
        return Bytes.sha256(previous, encoding.toByteArray());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package org.threshold.hub.app.audit;

import java.util.Arrays;

/**
 * An access log record at its place in the log's hash chain.
 *
 * @param seq  its place: 1 for the first chained record, each next one more
 * @param hash SHA-256 over the previous record's hash and this record's canonical encoding ({@link AccessLogChain})
 */
public record ChainedRecord(long seq, AccessRecord record, byte[] hash) {
    public ChainedRecord {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainedRecord that && seq == that.seq && record.equals(that.record)
                && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + record.hashCode();
    }

    @Override
    public String toString() {
        return "ChainedRecord[" + seq + ", " + record + "]";
    }
}

package org.threshold.core.event;

import java.util.Arrays;

/**
 * Where a kiosk's hash chain stands: the sequence number and hash of its last event. The first event
 * of every kiosk has sequence 1 and links to {@link #GENESIS}'s all-zero hash.
 */
public record ChainPosition(long sequence, byte[] hash) {
    public static final ChainPosition GENESIS = new ChainPosition(0, new byte[32]);

    public ChainPosition {
        if (sequence < 0 || hash.length != 32) {
            throw new IllegalArgumentException("A chain position needs a sequence >= 0 and a 32-byte hash");
        }
        hash = hash.clone();
    }

    public static ChainPosition after(SignedEvent event) {
        return new ChainPosition(event.header().sequence(), event.hash());
    }

    /** A copy: {@link #GENESIS} is shared by every chain and must stay all zeros. */
    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainPosition that && sequence == that.sequence && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "ChainPosition[" + sequence + ", " + org.threshold.core.crypto.Bytes.hex(hash).substring(0, 16) + "…]";
    }
}

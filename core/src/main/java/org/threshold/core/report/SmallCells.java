package org.threshold.core.report;

/**
 * The small-cell rule: a count from 1 to {@code threshold - 1} is never published, because so few people can be
 * recognised by whoever knows the place and the day. The default threshold is 5 (counts 1 to 4). It may be raised
 * but never set below {@link #MINIMUM}: a threshold of 2 would publish every pair.
 */
public record SmallCells(int threshold) {
    public static final int DEFAULT_THRESHOLD = 5;
    public static final int MINIMUM = 3;
    public static final SmallCells DEFAULT = new SmallCells(DEFAULT_THRESHOLD);

    /** @throws IllegalArgumentException below {@link #MINIMUM}, with a message that says so */
    public SmallCells {
        if (threshold < MINIMUM) {
            throw new IllegalArgumentException("The small-cell threshold is " + threshold + ", but it may not be set "
                    + "below " + MINIMUM + ": counts from 1 to " + (MINIMUM - 1) + " would be published. Set it to "
                    + MINIMUM + " or more (the default is " + DEFAULT_THRESHOLD + ").");
        }
    }

    /** Whether {@code count} may not be published on its own: from 1 to {@code threshold - 1}. Zero is not small. */
    public boolean isSmall(long count) {
        return count > 0 && count < threshold;
    }
}

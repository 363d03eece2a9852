package org.threshold.hub.app.feed;

import java.time.Instant;

/**
 * Nonces of signed requests (feed pages, sync batches) already taken, so a replay is refused by whichever instance
 * it reaches.
 */
public interface FeedNonceRepository {

    /** Forgets nonces past their time, then remembers {@code nonce}; false if it was already remembered. */
    boolean remember(String nonce, Instant forgetAfter, Instant now);

    /**
     * Remembers {@code nonce} until {@code forgetAfter}, forgetting nothing; false if it is remembered already. On
     * PostgreSQL a second transaction adding the same nonce waits for the first to end, so only one of them is told
     * true.
     */
    boolean add(String nonce, Instant forgetAfter);

    /** Forgets the nonces whose time is past at {@code now}. */
    void forgetExpired(Instant now);
}

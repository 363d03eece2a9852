package org.threshold.hub.app.feed;

import java.time.Instant;

/** Nonces of signed feed requests already answered, so a replay is refused by whichever instance it reaches. */
public interface FeedNonceRepository {

    /** Forgets nonces past their time, then remembers {@code nonce}; false if it was already remembered. */
    boolean remember(String nonce, Instant forgetAfter, Instant now);
}

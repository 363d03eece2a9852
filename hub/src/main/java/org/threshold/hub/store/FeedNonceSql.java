package org.threshold.hub.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.feed.FeedNonceRepository;

interface FeedNonceSql extends FeedNonceRepository {

    @SqlUpdate("DELETE FROM feed_nonces WHERE forget_after <= :now")
    void forget(@Bind("now") Instant now);

    @SqlUpdate("INSERT INTO feed_nonces (nonce, forget_after) VALUES (:nonce, :forgetAfter) "
            + "ON CONFLICT (nonce) DO NOTHING")
    int insert(@Bind("nonce") String nonce, @Bind("forgetAfter") Instant forgetAfter);

    @Override
    default boolean remember(String nonce, Instant forgetAfter, Instant now) {
        forget(now);
        return insert(nonce, forgetAfter) == 1;
    }

    @Override
    default boolean add(String nonce, Instant forgetAfter) {
        return insert(nonce, forgetAfter) == 1;
    }

    @Override
    default void forgetExpired(Instant now) {
        forget(now);
    }
}

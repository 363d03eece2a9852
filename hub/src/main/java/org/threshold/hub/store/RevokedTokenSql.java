package org.threshold.hub.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.household.RevokedToken;
import org.threshold.hub.app.household.RevokedTokenRepository;

interface RevokedTokenSql extends RevokedTokenRepository {

    @Override
    @SqlUpdate("INSERT INTO revoked_tokens (token_id, household_id, event_id, revoked_at) "
            + "VALUES (:tokenId, :householdId, :eventId, :revokedAt) ON CONFLICT (token_id) DO NOTHING")
    void revoke(@BindMethods RevokedToken revoked);

    @Override
    @SqlQuery("SELECT token_id, household_id, event_id, revoked_at FROM revoked_tokens WHERE token_id = :tokenId")
    @RegisterConstructorMapper(RevokedToken.class)
    Optional<RevokedToken> find(@Bind("tokenId") TokenId tokenId);
}

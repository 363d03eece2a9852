package org.threshold.hub.app.household;

import java.util.Optional;
import org.threshold.core.token.TokenId;

/** Tokens replaced by a reissue, so a lookup can tell "revoked" from "never reached the hub". */
public interface RevokedTokenRepository {

    /** Records the revocation; a token already recorded stays as it was (projecting again changes nothing). */
    void revoke(RevokedToken revoked);

    Optional<RevokedToken> find(TokenId tokenId);
}

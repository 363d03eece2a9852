package org.threshold.hub.app.household;

import java.time.Instant;
import java.util.UUID;
import org.threshold.core.token.TokenId;

/** A token a reissue replaced: it no longer finds its household. {@code eventId} is the {@code TokenReissued}. */
public record RevokedToken(TokenId tokenId, UUID householdId, UUID eventId, Instant revokedAt) {
}

package org.threshold.hub.app.household;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.access.GlassBreak;

/**
 * The reads every token lookup makes, in as few statements as they can be: apart from the feature repositories so
 * the store can answer them without its general statement machinery, which cost several times the queries
 * themselves when 64 caseworkers scan at once. Each reads what the named feature repository would.
 */
public interface LookupRepository {

    /**
     * The household a token card names, as the store keeps it, and the household it was merged into if it was
     * (null otherwise; a merge of that survivor is {@code DuplicateRepository#survivorOf}'s to follow).
     */
    record TokenHolder(SealedHousehold household, UUID mergedInto) {
    }

    /** Whether any stored event has not yet been projected by {@code projection}: a new one, or one not sequenced. */
    boolean projectionBehind(String projection);

    Optional<TokenHolder> byToken(TokenId tokenId);

    /** Whether the household's processing is restricted ({@code HouseholdRestrictionRepository#find}). */
    boolean restricted(UUID householdId);

    /** {@code GlassBreakRepository#active}: the grant, its reason as stored (sealed). */
    Optional<GlassBreak> glassBreak(String username, UUID householdId, Instant now);
}

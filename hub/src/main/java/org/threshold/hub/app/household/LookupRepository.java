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
     * What a lookup reads of the household a token card names: whether the projection was behind when it was read;
     * the household as the store keeps it (null when the token names none); the household it was merged into (null
     * if it was not; a merge of that survivor is {@code DuplicateRepository#survivorOf}'s to follow); and, of the
     * household found (not of its survivor), whether its processing is restricted and the reader's glass-break on it.
     */
    record TokenRead(boolean projectionBehind, SealedHousehold household, UUID mergedInto, boolean restricted,
                     Optional<GlassBreak> glassBreak) {
    }

    /**
     * Everything {@link TokenRead} holds, in one statement: the projection check as {@link #projectionBehind}, the
     * restriction as {@link #restricted}, the glass-break as {@link #glassBreak} for {@code reader} at {@code now}.
     */
    TokenRead byToken(TokenId tokenId, String reader, Instant now, String projection);

    /** Whether any stored event has not yet been projected by {@code projection}: a new one, or one not sequenced. */
    boolean projectionBehind(String projection);

    /** Whether the household's processing is restricted ({@code HouseholdRestrictionRepository#find}). */
    boolean restricted(UUID householdId);

    /** {@code GlassBreakRepository#active}: the grant, its reason as stored (sealed). */
    Optional<GlassBreak> glassBreak(String username, UUID householdId, Instant now);
}

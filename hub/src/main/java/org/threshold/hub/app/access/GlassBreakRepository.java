package org.threshold.hub.app.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Glass-breaks, kept in the database so that every hub instance honours them; never changed once written, but for
 * sealing the reasons an earlier release stored in clear and forgetting them with an erased household. Reasons come and go as the caller gives them: sealed
 * ({@link GlassBreakReasons}).
 */
public interface GlassBreakRepository {
    /** Stores a new grant and returns it with its id. */
    GlassBreak add(String username, UUID householdId, String reason, Instant grantedAt, Instant until);

    /** The grant to {@code username} on {@code householdId} that lasts longest past {@code now}, if any does. */
    Optional<GlassBreak> active(String username, UUID householdId, Instant now);

    /** Any grant to {@code username} still running at {@code now}, the one ending last: for the pages' banner. */
    Optional<GlassBreak> anyActive(String username, Instant now);

    /**
     * Grants newest first.
     *
     * @param username only this account's, or every account's when null
     * @param beforeId only those below this id (the previous page's last), or from the newest when null
     */
    List<GlassBreak> list(String username, Long beforeId, int limit);

    /** Up to {@code limit} grants whose reason does not start with {@code sealedMark}, by id: stored in clear. */
    List<GlassBreak> inClear(String sealedMark, int limit);

    /** Replaces a grant's reason with its sealed form. */
    void replaceReason(long id, String sealedReason);

    /** Replaces the reason of every grant on {@code householdId}: when the household is erased. */
    void replaceReasons(UUID householdId, String reason);
}

package org.threshold.hub.app.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Glass-breaks, kept in the database so that every hub instance honours them; never changed once written. */
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
}

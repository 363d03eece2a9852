package org.threshold.hub.app.access;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.account.SignedInUser;

/**
 * Which glass-break, if any, opens a household to a user now: what the {@link AccessPolicy} asks before it hides
 * anything from a protection officer. Read from the database on every lookup, so a grant made on one hub instance
 * counts on all of them, and ends on the minute on all of them. The grant comes with its reason opened
 * ({@link GlassBreakReasons}): the officer's own page shows it to them. Thread-safe.
 */
public final class GlassBreakGrants {
    private final HubStore store;
    private final Clock clock;
    private final GlassBreakReasons reasons;

    public GlassBreakGrants(HubStore store, Clock clock, GlassBreakReasons reasons) {
        this.store = store;
        this.clock = clock;
        this.reasons = reasons;
    }

    /** The grant to {@code user} on the household running now, its reason opened. */
    public Optional<GlassBreak> active(SignedInUser user, UUID householdId) {
        return open(stored(user, householdId));
    }

    /** The grant to {@code user} on the household running now, its reason as stored (sealed). */
    Optional<GlassBreak> stored(SignedInUser user, UUID householdId) {
        return store.read(repositories -> repositories.glassBreaks().active(user.username(), householdId,
                clock.instant()));
    }

    /** A grant as the store holds it, its reason opened for the officer's own page. */
    Optional<GlassBreak> open(Optional<GlassBreak> stored) {
        return stored.map(reasons::open);
    }

    /** The grant of {@code user}'s still running that ends last: what every page marks while it lasts. */
    public Optional<GlassBreak> anyActive(SignedInUser user) {
        return store.read(repositories -> repositories.glassBreaks().anyActive(user.username(), clock.instant()))
                .map(reasons::open);
    }
}

package org.threshold.hub.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.core.event.KioskId;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.core.sync.SignedFeed;
import org.threshold.hub.store.SqliteUpdateStore;

/**
 * What the hub tells its kiosks: operator changes, kiosk settings, the catalogue version, revoked tokens,
 * revocation and wipe orders, a new sealing key. The {@code provision} command line publishes, from another
 * process while the hub runs (the store is in {@code admin.db}); kiosks read it through {@link UpdateFeedApi},
 * signed. Updates are never changed or removed: a kiosk that was offline for a month reads them all, in order.
 * Thread-safe.
 */
public final class UpdateFeed {
    /** The most updates one page carries; a kiosk asks again from {@code next}. */
    public static final int PAGE_SIZE = 200;
    // Updates are stored exactly as they go out: the core's own mapping, independent of the hub's HTTP JSON.
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final SqliteUpdateStore store;
    private final Clock clock;

    public UpdateFeed(SqliteUpdateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Publishes an update to one kiosk, or to every kiosk when {@code kioskId} is empty; returns its position.
     * A {@link FeedUpdate.RevocationOrder} also makes the hub refuse the kiosk's batches from now on.
     */
    public long publish(Optional<String> kioskId, FeedUpdate update) {
        Instant now = clock.instant();
        return store.database().write("Publishing an update", connection -> publish(connection, kioskId, update, now));
    }

    /** As {@link #publish(Optional, FeedUpdate)}, inside the caller's {@code admin.db} transaction. */
    public long publish(Connection connection, Optional<String> kioskId, FeedUpdate update, Instant now)
            throws SQLException {
        kioskId.ifPresent(KioskId::requireValid);
        if (update instanceof FeedUpdate.RevocationOrder order) {
            String revoked = kioskId.orElseThrow(() -> new IllegalArgumentException(
                    "A revocation order names the kiosk it revokes"));
            store.revoke(connection, revoked, order.wipe(), order.reason(), now);
        }
        String json;
        try {
            json = JSON.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An update always serialises", e);
        }
        String kind;
        try {
            kind = JSON.readTree(json).path("kind").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An update always parses", e);
        }
        return store.append(connection, kioskId.orElse(null), kind, json, now);
    }

    /** The updates for {@code kioskId} after {@code since}, at most {@link #PAGE_SIZE}; {@code next} is where to go on. */
    SignedFeed.Page page(String kioskId, long since, String nonce) {
        // Read the end first: an update published while this page is built is either on it or after `next`.
        long end = store.lastPosition();
        List<SignedFeed.Entry> entries = new ArrayList<>();
        long next = since;
        for (SqliteUpdateStore.StoredUpdate stored : store.since(kioskId, since, PAGE_SIZE)) {
            try {
                entries.add(new SignedFeed.Entry(stored.position(), JSON.readValue(stored.json(), FeedUpdate.class)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Update " + stored.position() + " in the feed is unreadable", e);
            }
            next = stored.position();
        }
        if (entries.size() < PAGE_SIZE) {
            // Nothing more for this kiosk up to the feed's end: skip past other kiosks' updates too.
            next = Math.max(next, end);
        }
        return new SignedFeed.Page(kioskId, since, next, nonce, clock.millis(), entries);
    }
}

package org.threshold.hub.app.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.core.event.KioskId;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.core.sync.SignedFeed;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Repositories;

/**
 * What the hub tells its kiosks: operator changes, kiosk settings, the catalogue version, revoked tokens,
 * revocation and wipe orders, a new sealing key. Administrators publish (through the hub, or the {@code provision}
 * command line while the hub runs); kiosks read it through the feed API, signed. Updates are never changed or
 * removed: a kiosk that was offline for a month reads them all, in order. Thread-safe.
 */
public final class UpdateFeed {
    /** The most updates one page carries; a kiosk asks again from {@code next}. */
    public static final int PAGE_SIZE = 200;
    // Updates are stored exactly as they go out: the core's own mapping, independent of the hub's HTTP JSON.
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HubStore store;
    private final Clock clock;

    public UpdateFeed(HubStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Publishes an update to one kiosk, or to every kiosk when {@code kioskId} is empty. A
     * {@link FeedUpdate.RevocationOrder} also makes the hub refuse the kiosk's batches from now on.
     */
    public void publish(Optional<String> kioskId, FeedUpdate update) {
        Instant now = clock.instant();
        store.inTransaction(repositories -> {
            publish(repositories, kioskId, update, now);
            return null;
        });
    }

    /** As {@link #publish(Optional, FeedUpdate)}, inside the caller's transaction. */
    public void publish(Repositories repositories, Optional<String> kioskId, FeedUpdate update, Instant now) {
        kioskId.ifPresent(KioskId::requireValid);
        if (update instanceof FeedUpdate.RevocationOrder order) {
            String revoked = kioskId.orElseThrow(() -> new IllegalArgumentException(
                    "A revocation order names the kiosk it revokes"));
            repositories.kiosks().revoke(revoked, now, order.wipe(), order.reason());
        }
        String json;
        String kind;
        try {
            json = JSON.writeValueAsString(update);
            kind = JSON.readTree(json).path("kind").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An update always serialises", e);
        }
        repositories.updateFeed().append(kioskId.orElse(null), kind, json, now);
    }

    /** The updates for {@code kioskId} after {@code since}, at most {@link #PAGE_SIZE}; {@code next} is where to go on. */
    public SignedFeed.Page page(String kioskId, long since, String nonce) {
        return store.read(repositories -> {
            // Read the end first: an update published while this page is built is either on it or after `next`.
            long end = repositories.updateFeed().lastPosition();
            List<SignedFeed.Entry> entries = new ArrayList<>();
            long next = since;
            for (UpdateFeedRepository.StoredUpdate stored : repositories.updateFeed().since(kioskId, since, PAGE_SIZE)) {
                try {
                    entries.add(new SignedFeed.Entry(stored.position(), JSON.readValue(stored.json(),
                            FeedUpdate.class)));
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
        });
    }

    /**
     * Remembers the nonce of a signed feed request until {@code forgetAfter}; false if it was seen before, whichever
     * hub instance saw it: the request is a replay.
     */
    public boolean rememberNonce(String nonce, Instant forgetAfter) {
        Instant now = clock.instant();
        return store.inTransaction(repositories -> repositories.feedNonces().remember(nonce, forgetAfter, now));
    }
}

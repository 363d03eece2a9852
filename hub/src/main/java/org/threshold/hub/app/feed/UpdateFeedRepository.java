package org.threshold.hub.app.feed;

import java.time.Instant;
import java.util.List;

/** The update feed's rows: each update's JSON, for one kiosk or, {@code kioskId} null, for all. Append-only. */
public interface UpdateFeedRepository {

    record StoredUpdate(long position, String kioskId, String json, Instant publishedAt) {
    }

    /** Appends an update after every one published before it. */
    void append(String kioskIdOrNull, String kind, String json, Instant at);

    /** Up to {@code limit} updates for {@code kioskId} (its own and everyone's) after {@code since}, in order. */
    List<StoredUpdate> since(String kioskId, long since, int limit);

    /** The highest position published, 0 if none. */
    long lastPosition();
}

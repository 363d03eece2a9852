package org.threshold.hub.app.event;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.event.RedactedEvent;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.Repositories;

/**
 * Cuts stored events down to their signed headers, kiosks' and the hub's alike: what an erasure or the retention job
 * does to the events that carried personal data. The header and the event's hash are all a chain needs to stay
 * linked; the sealed payload, which the hub's sealing key would open, is gone. Each cut is sealed by the hub
 * ({@link RedactedEvent}), so {@link EventChainVerifier} still detects a header altered afterwards.
 */
public final class EventRedaction {
    private EventRedaction() {
    }

    /** Cuts each of these events the store holds to its header, in the caller's transaction; returns how many. */
    public static int cutToHeaders(Repositories repositories, Collection<UUID> eventIds, HubEvents hub) {
        Map<UUID, byte[]> redacted = new HashMap<>();
        repositories.events().envelopes(eventIds).forEach((id, envelope) -> {
            if (RedactedEvent.isRedacted(envelope)) {
                return;
            }
            try {
                redacted.put(id, hub.redacted(SignedEvent.decode(envelope)));
            } catch (MalformedEncodingException cutBefore) {
                // Cut to a bare header before cuts were sealed: nothing left to cut.
            }
        });
        repositories.events().redact(redacted);
        return redacted.size();
    }
}

package org.threshold.hub.app.referral;

import java.nio.charset.StandardCharsets;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.ReferralEvent;
import org.threshold.core.referral.ReferralState;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.event.HubEvents;

/**
 * Writes one change of a referral: the hub event on the locked hub chain, and in the same transaction what it does to
 * the referral store (the referral's new state, the event in its history, the change marks).
 */
final class ReferralHistory {
    private ReferralHistory() {
    }

    /** Appends {@code payload} as a {@code type} event and records {@code before} as now in {@code state}. */
    static ReferralRecord record(HubEvents.Appender chain, Repositories repositories, ReferralRecord before,
                                 ReferralState state, EventType type, ReferralEvent payload) {
        byte[] json = payload.toJson();
        SignedEvent event = chain.append(new HubEvents.Draft(type, json));
        ReferralRecord after = before.in(state, event.header().recordedAt());
        repositories.referrals().recordChange(before, after, new ReferralEventRecord(event.header().eventId(),
                before.referralId(), payload.wireName(), after.status(), event.header().recordedAt(),
                new String(json, StandardCharsets.UTF_8)));
        return after;
    }
}

package org.threshold.hub.app.referral;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.event.EventHeader;
import org.threshold.core.referral.ReferralRequested;

/** What a referral event makes in the referral store, from its opened payload. Pure. */
public final class ReferralProjection {

    private ReferralProjection() {
    }

    /**
     * The new referral a {@code ReferralRequested} event records, {@code SENT}; projected at {@code at}.
     *
     * @throws MalformedEncodingException if the payload is not a canonical {@code ReferralRequested}
     */
    public static ReferralRepository.NewReferral requested(EventHeader header, byte[] plaintext, Instant at)
            throws MalformedEncodingException {
        ReferralRequested request = ReferralRequested.fromJson(plaintext);
        ReferralRecord referral = ReferralRecord.requested(request, header.eventId(), at);
        return new ReferralRepository.NewReferral(referral, new ReferralEventRecord(header.eventId(),
                request.referralId(), ReferralRequested.WIRE_NAME, referral.status(), header.recordedAt(),
                new String(request.toJson(), StandardCharsets.UTF_8)));
    }
}

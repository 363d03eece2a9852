package org.threshold.hub.app.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferralState;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;

/**
 * A referral as the hub keeps it: where it stands now, and the request it came from ({@code eventId}, the
 * {@code ReferralRequested} event). {@code people} are the referred members by their place in the household's list,
 * each with only the codes relevant to the service.
 */
public record ReferralRecord(UUID referralId, UUID householdId, String service, ReferralStatus status, Urgency urgency,
                             Instant requestedAt, Instant dueAt, LegalBasis basis, List<ReferredPerson> people,
                             UUID eventId, Instant createdAt, Instant updatedAt) {

    public ReferralRecord {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(eventId, "eventId");
        people = List.copyOf(people);
    }

    /** A new referral, {@code SENT}, as its request made it; projected at {@code at}. */
    public static ReferralRecord requested(ReferralRequested request, UUID eventId, Instant at) {
        return new ReferralRecord(request.referralId(), request.householdId(), request.service(),
                request.initialState().status(), request.urgency(), request.requestedAt(), request.dueAt(),
                request.basis(), request.people(), eventId, at, at);
    }

    /** Where it stands in the lifecycle's terms. */
    public ReferralState state() {
        return new ReferralState(service, status, basis);
    }

    /** This referral in {@code state}, changed at {@code at}. */
    public ReferralRecord in(ReferralState state, Instant at) {
        return new ReferralRecord(referralId, householdId, state.service(), state.status(), urgency, requestedAt, dueAt,
                state.basis(), people, eventId, createdAt, at);
    }
}

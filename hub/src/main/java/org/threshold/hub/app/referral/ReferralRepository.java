package org.threshold.hub.app.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.hub.app.household.ProjectionFailure;

/**
 * Referrals projected from their events, with each referral's history; the API reads them here, the queues through
 * {@link QueueRepository}.
 */
public interface ReferralRepository {

    /** A referral as its request made it, and that request as the first event of its history. */
    record NewReferral(ReferralRecord referral, ReferralEventRecord request) {
        public NewReferral {
            if (!referral.referralId().equals(request.referralId()) || !referral.eventId().equals(request.eventId())) {
                throw new IllegalArgumentException("The request event must be the referral's own");
            }
        }
    }

    /**
     * Stores each new referral with its request, and skips one its own event already stored (projecting again
     * changes nothing). Returns, as failures, those it did not store because their referral id is held from
     * another event. A refused one never undoes the others.
     */
    List<ProjectionFailure> insertRequested(List<NewReferral> referrals);

    Optional<ReferralRecord> find(UUID referralId);

    /**
     * Records a change the hub made: the referral as it is {@code after} (status, service, basis, update time) and the
     * event that made it, appended to its history; raises the change mark of its service and, if it moved, of the one
     * it left. For a note, {@code after} is the referral unchanged but for its update time.
     */
    void recordChange(ReferralRecord before, ReferralRecord after, ReferralEventRecord event);

    /**
     * Gives the referrals {@code referralIds} to the household {@code householdId} (a merge, or its undoing); their
     * status, service and history stay as they are.
     */
    void moveToHousehold(List<UUID> referralIds, UUID householdId);

    /** A household's referrals, soonest due first. */
    List<ReferralRecord> forHousehold(UUID householdId);

    /** Names each referral's people anew, as places in its household's member list (a merge moved it). */
    void replacePeople(Map<UUID, List<ReferredPerson>> peopleByReferral);

    /** A referral's history, oldest first. */
    List<ReferralEventRecord> history(UUID referralId);

    long count();

    /**
     * Replaces the payloads of these events of the referral's history (by event id) with their redacted forms, and
     * records that the referral was redacted, when and why ({@code ERASED} or {@code RETENTION}).
     */
    void redact(UUID referralId, Map<UUID, String> payloadsByEvent, Instant at, String cause);

    /**
     * Up to {@code limit} referrals that are no longer open, last changed before {@code before}, and not yet
     * redacted: what the retention job anonymises. Oldest change first.
     */
    List<ReferralRecord> closedBefore(Instant before, int limit);
}

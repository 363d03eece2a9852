package org.threshold.hub.app.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.hub.app.household.ProjectionFailure;

/** Referrals projected from their events, with each referral's history; the queues and the API read them here. */
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

    /** Where a queue page ends: the next page starts after this due time and, among equal due times, this id. */
    record QueueCursor(Instant dueAt, UUID referralId) {
        public QueueCursor {
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(referralId, "referralId");
        }
    }

    /** One page of a queue, soonest due first, and where the next one starts (empty on the last page). */
    record QueuePage(List<ReferralRecord> referrals, Optional<QueueCursor> next) {
        public QueuePage {
            referrals = List.copyOf(referrals);
        }
    }

    /**
     * Up to {@code limit} referrals to any of {@code services} (in {@code status} if given), soonest due first,
     * after {@code after} if given. Each service's part is an index range scan, however many referrals are held.
     */
    QueuePage queue(Set<String> services, Optional<ReferralStatus> status, Optional<QueueCursor> after, int limit);

    /** How many referrals to any of {@code services} are in each status; statuses with none are left out. */
    Map<ReferralStatus, Long> countsByStatus(Set<String> services);

    /**
     * A mark that moves whenever a referral to any of {@code services} is added or changed (or leaves one of them),
     * by any hub instance: what a queue page polls to learn that it should refresh.
     */
    ChangeMark lastChange(Set<String> services);

    /** How many changes the services have seen, and when the last one was ({@code null} before any). */
    record ChangeMark(long version, Instant changedAt) {
    }
}

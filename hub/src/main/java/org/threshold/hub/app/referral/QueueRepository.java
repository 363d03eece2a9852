package org.threshold.hub.app.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.hub.app.household.SealedHousehold;

/**
 * What a queue page reads: a page of referrals with their households and which of those are restricted, the counts
 * per status, the change mark it polls. Apart from {@link ReferralRepository} so the store can answer a page in one
 * plain statement: sixteen caseworkers paging at once made the general statement machinery cost more CPU than the
 * database's own work.
 */
public interface QueueRepository {

    /** Where a queue page ends: the next page starts after this due time and, among equal due times, this id. */
    record QueueCursor(Instant dueAt, UUID referralId) {
        public QueueCursor {
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(referralId, "referralId");
        }
    }

    /**
     * One page of a queue, soonest due first; each referral's household as the store keeps it, by id (a household the
     * hub does not hold is missing); which of them are restricted; where the next page starts (empty on the last);
     * whether, when it was read, the projection had not yet reached every stored event (so the page may lack
     * referrals a sync already brought).
     */
    record QueuePage(List<ReferralRecord> referrals, Map<UUID, SealedHousehold> households, Set<UUID> restricted,
                     Optional<QueueCursor> next, boolean projectionBehind) {
        public QueuePage {
            referrals = List.copyOf(referrals);
            households = Map.copyOf(households);
            restricted = Set.copyOf(restricted);
        }
    }

    /** How many changes the services have seen, and when the last one was ({@code null} before any). */
    record ChangeMark(long version, Instant changedAt) {
    }

    /**
     * Up to {@code limit} referrals to any of {@code services} (in {@code status} if given), soonest due first,
     * after {@code after} if given, with their households, and in the same read whether the projection named
     * {@code projection} is behind. Each service's part is an index range scan, however many referrals are held;
     * each household a primary-key lookup.
     */
    QueuePage page(Set<String> services, Optional<ReferralStatus> status, Optional<QueueCursor> after, int limit,
                   String projection);

    /** How many referrals to any of {@code services} are in each status; statuses with none are left out. */
    Map<ReferralStatus, Long> countsByStatus(Set<String> services);

    /**
     * A mark that moves whenever a referral to any of {@code services} is added or changed (or leaves one of them),
     * by any hub instance: what a queue page polls to learn that it should refresh.
     */
    ChangeMark lastChange(Set<String> services);
}

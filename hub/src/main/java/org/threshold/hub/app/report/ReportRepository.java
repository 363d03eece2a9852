package org.threshold.hub.app.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.report.HouseholdFacts;

/**
 * What the reports count, in non-identifying columns only: each household's {@link HouseholdFacts} and the running
 * counts the reports sum; and the referral figures, read from the referral store's non-identifying columns (service,
 * status, times). Only the projector writes here, in its own transaction.
 */
public interface ReportRepository {

    /** A household's facts, by id. */
    record Reported(UUID householdId, HouseholdFacts facts) {
    }

    /** One running count: households, people, age-sex or need, by arrival day and site. */
    record CountKey(LocalDate arrival, String site, String measure, String category) {
    }

    /** A count summed over a window: by day and site for arrivals, by site for the others. */
    record Count(LocalDate arrival, String site, String measure, String category, long count) {
    }

    /** Referrals requested in a window, by service and status; {@code overdue} are open past their due time. */
    record ReferralCount(String service, String status, long count, long overdue) {
    }

    /** How long one referral took from its request to its first acceptance, by service. */
    record Acceptance(String service, long millis) {
    }

    /** Which of {@code householdIds} already have facts. */
    List<UUID> reported(Collection<UUID> householdIds);

    Optional<HouseholdFacts> facts(UUID householdId);

    void insertFacts(List<Reported> households);

    void updateFacts(Reported household);

    /** Adds each change to its running count, creating it at zero first. */
    void addToCounts(Map<CountKey, Long> changes);

    /**
     * The counts of households that arrived from {@code from} to {@code to} (inclusive), at {@code site} or at every
     * site: per day and site for {@code households} and {@code people}, per site (arrival null) for the others.
     */
    List<Count> counts(LocalDate from, LocalDate to, Optional<String> site);

    /** Referrals requested from {@code from} (inclusive) to {@code to} (exclusive), at {@code site} or every site. */
    List<ReferralCount> referralCounts(Instant from, Instant to, Optional<String> site, Instant now);

    /** The first acceptance of each referral requested in the window that was accepted. */
    List<Acceptance> acceptances(Instant from, Instant to, Optional<String> site);

    /** Up to {@code limit} households after {@code after} (by id; null from the start) that have no facts yet. */
    List<UUID> householdsWithoutFacts(UUID after, int limit);
}

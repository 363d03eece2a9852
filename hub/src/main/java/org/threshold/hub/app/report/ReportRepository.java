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
 * counts the reports sum; and the referral figures, kept with each change to a referral (request day, site, service,
 * status, wait to acceptance) but for those overdue, which are counted from the open referrals against now. Only the
 * projector writes here, in its own transaction.
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

    /** How many referrals of a service waited {@code minutes} whole minutes from request to first acceptance. */
    record Wait(String service, long minutes, long count) {
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

    /**
     * Referrals requested from {@code from} to {@code to} (UTC days, both included), at {@code site} or every site,
     * with those open past their due time at {@code now}; a service and status none is counted in is left out.
     */
    List<ReferralCount> referralCounts(LocalDate from, LocalDate to, Optional<String> site, Instant now);

    /** The waits to first acceptance of the referrals requested in the window, by service and whole minutes. */
    List<Wait> waits(LocalDate from, LocalDate to, Optional<String> site);

    /** Up to {@code limit} households after {@code after} (by id; null from the start) that have no facts yet. */
    List<UUID> householdsWithoutFacts(UUID after, int limit);
}

package org.threshold.hub.app.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.threshold.core.report.HouseholdFacts;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.report.ReportRepository.CountKey;
import org.threshold.hub.app.report.ReportRepository.Reported;

/**
 * Keeps the reports' facts and running counts in step with the households read model, inside the projector's
 * transaction: a household added adds its counts once (a household already counted is skipped, so projecting again
 * changes nothing), a correction moves its counts from its old facts to its new ones, and a household merged into
 * another leaves the counts until it is unmerged (a merged pair is counted once).
 */
public final class ReportProjection {
    public static final String HOUSEHOLDS = "households";
    public static final String PEOPLE = "people";
    public static final String AGE_SEX = "age-sex";
    public static final String NEED = "need";

    private ReportProjection() {
    }

    /** Counts the households not counted yet. */
    public static void added(Repositories repositories, List<Reported> households) {
        if (households.isEmpty()) {
            return;
        }
        Set<UUID> counted = new HashSet<>(repositories.reports().reported(households.stream()
                .map(Reported::householdId).toList()));
        List<Reported> fresh = new ArrayList<>();
        Map<CountKey, Long> changes = new HashMap<>();
        for (Reported household : households) {
            if (counted.add(household.householdId())) {
                fresh.add(household);
                add(changes, household.facts(), 1);
            }
        }
        repositories.reports().insertFacts(fresh);
        repositories.reports().addToCounts(withoutZeros(changes));
    }

    /**
     * Moves a household's counts to {@code facts}; counts it if it was not (a store from before the reports). A
     * household merged into another is not counted: only its facts change, for the day it is unmerged.
     */
    public static void changed(Repositories repositories, Reported household) {
        Optional<HouseholdFacts> before = repositories.reports().facts(household.householdId());
        if (before.isEmpty()) {
            added(repositories, List.of(household));
            return;
        }
        if (repositories.duplicates().mergeOf(household.householdId()).isPresent()) {
            repositories.reports().updateFacts(household);
            return;
        }
        Map<CountKey, Long> changes = new HashMap<>();
        add(changes, before.get(), -1);
        add(changes, household.facts(), 1);
        repositories.reports().updateFacts(household);
        repositories.reports().addToCounts(withoutZeros(changes));
    }

    /**
     * A household merged into another leaves the counts: its people are the survivor's, counted once, there. Its
     * referrals need nothing: they are counted by referral, and moved to the survivor.
     */
    public static void merged(Repositories repositories, UUID householdId) {
        shift(repositories, householdId, -1);
    }

    /** An unmerged household is counted again, as it reads now. */
    public static void unmerged(Repositories repositories, UUID householdId) {
        shift(repositories, householdId, 1);
    }

    private static void shift(Repositories repositories, UUID householdId, int sign) {
        repositories.reports().facts(householdId).ifPresent(facts -> {
            Map<CountKey, Long> changes = new HashMap<>();
            add(changes, facts, sign);
            repositories.reports().addToCounts(withoutZeros(changes));
        });
    }

    /** Adds {@code sign} times what {@code facts} count to {@code changes}. */
    static void add(Map<CountKey, Long> changes, HouseholdFacts facts, int sign) {
        changes.merge(key(facts, HOUSEHOLDS, ""), (long) sign, Long::sum);
        changes.merge(key(facts, PEOPLE, ""), (long) sign * facts.people().size(), Long::sum);
        for (HouseholdFacts.Person person : facts.people()) {
            changes.merge(key(facts, AGE_SEX, person.sex().name() + "/" + person.age().label()), (long) sign,
                    Long::sum);
            for (String category : person.needCategories()) {
                changes.merge(key(facts, NEED, category), (long) sign, Long::sum);
            }
        }
    }

    private static CountKey key(HouseholdFacts facts, String measure, String category) {
        return new CountKey(facts.arrival(), facts.site(), measure, category);
    }

    private static Map<CountKey, Long> withoutZeros(Map<CountKey, Long> changes) {
        changes.values().removeIf(change -> change == 0);
        return changes;
    }
}

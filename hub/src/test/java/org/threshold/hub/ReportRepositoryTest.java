package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.ReferralState;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.Urgency;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.Sex;
import org.threshold.core.report.AgeBracket;
import org.threshold.core.report.HouseholdFacts;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.ReferralRepository.NewReferral;
import org.threshold.hub.deployment.HubDataKey;
import org.threshold.hub.store.JdbiHubStore;
import org.threshold.hub.testing.TestPostgres;
import org.threshold.hub.app.report.ReportBackfill;
import org.threshold.hub.app.report.ReportProjection;
import org.threshold.hub.app.report.ReportRepository.Acceptance;
import org.threshold.hub.app.report.ReportRepository.Count;
import org.threshold.hub.app.report.ReportRepository.ReferralCount;
import org.threshold.hub.app.report.ReportRepository.Reported;

/** The reports' counts, on SQLite and on PostgreSQL. */
class ReportRepositoryTest {
    @Nested
    class OnSqlite extends ReportRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends ReportRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class ReportRepositoryContract extends StoreContract {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    static HouseholdFacts facts(String site, LocalDate arrival, HouseholdFacts.Person... people) {
        return new HouseholdFacts(site, arrival, List.of(people));
    }

    static HouseholdFacts.Person person(Sex sex, AgeBracket age, String... needs) {
        return new HouseholdFacts.Person(sex, age, new java.util.TreeSet<>(Set.of(needs)));
    }

    private Map<String, Long> counts(LocalDate from, LocalDate to, Optional<String> site) {
        List<Count> counts = store.read(repositories -> repositories.reports().counts(from, to, site));
        return counts.stream().collect(Collectors.toMap(count -> (count.arrival() == null ? "" : count.arrival() + " ")
                + count.site() + " " + count.measure() + " " + count.category(), Count::count));
    }

    @Test
    void aHouseholdIsCountedOnceByDaySiteSexAgeAndNeedCategory() {
        Reported north = new Reported(UUID.randomUUID(), facts("North", DAY,
                person(Sex.F, AgeBracket.AGE_18_59, "SV", "WR"), person(Sex.M, AgeBracket.AGE_5_11)));
        Reported south = new Reported(UUID.randomUUID(), facts("South", DAY.plusDays(1),
                person(Sex.F, AgeBracket.AGE_0_4, "SV")));

        inTransaction(repositories -> {
            ReportProjection.added(repositories, List.of(north, south));
            // Projected again: nothing changes.
            ReportProjection.added(repositories, List.of(north));
            return null;
        });

        assertThat(counts(DAY, DAY.plusDays(1), Optional.empty())).containsOnly(
                Map.entry(DAY + " North households ", 1L), Map.entry(DAY + " North people ", 2L),
                Map.entry(DAY.plusDays(1) + " South households ", 1L), Map.entry(DAY.plusDays(1) + " South people ", 1L),
                Map.entry("North age-sex F/18-59", 1L), Map.entry("North age-sex M/5-11", 1L),
                Map.entry("North need SV", 1L), Map.entry("North need WR", 1L),
                Map.entry("South age-sex F/0-4", 1L), Map.entry("South need SV", 1L));
        assertThat(counts(DAY, DAY, Optional.of("South"))).isEmpty();
        assertThat(counts(DAY.plusDays(1), DAY.plusDays(9), Optional.of("South"))).hasSize(4);
        Optional<HouseholdFacts> stored = store.read(repositories -> repositories.reports().facts(north.householdId()));
        assertThat(stored).contains(north.facts());
    }

    @Test
    void aCorrectionMovesTheHouseholdsCounts() {
        UUID id = UUID.randomUUID();
        inTransaction(repositories -> {
            ReportProjection.added(repositories, List.of(new Reported(id, facts("North", DAY,
                    person(Sex.UNKNOWN, AgeBracket.UNKNOWN, "SV")))));
            ReportProjection.changed(repositories, new Reported(id, facts("North", DAY.minusDays(1),
                    person(Sex.F, AgeBracket.AGE_60_PLUS), person(Sex.M, AgeBracket.AGE_60_PLUS))));
            return null;
        });

        assertThat(counts(DAY.minusDays(1), DAY, Optional.empty())).containsOnly(
                Map.entry(DAY + " North households ", 0L), Map.entry(DAY + " North people ", 0L),
                Map.entry(DAY.minusDays(1) + " North households ", 1L),
                Map.entry(DAY.minusDays(1) + " North people ", 2L),
                Map.entry("North age-sex UNKNOWN/unknown", 0L), Map.entry("North need SV", 0L),
                Map.entry("North age-sex F/60+", 1L), Map.entry("North age-sex M/60+", 1L));
    }

    @Test
    void referralsAreCountedByServiceAndStatusWithThoseOverdueAndOnlyTheSitesWhenAsked() {
        UUID northHousehold = UUID.randomUUID();
        UUID southHousehold = UUID.randomUUID();
        inTransaction(repositories -> {
            ReportProjection.added(repositories, List.of(new Reported(northHousehold, facts("North", DAY)),
                    new Reported(southHousehold, facts("South", DAY))));
            repositories.referrals().insertRequested(List.of(
                    ReferralRepositoryContract.referral(UUID.randomUUID(), northHousehold, "health", Urgency.URGENT,
                            UUID.randomUUID()),
                    ReferralRepositoryContract.referral(UUID.randomUUID(), southHousehold, "health", Urgency.NORMAL,
                            UUID.randomUUID())));
            return null;
        });
        // Requested 2026-11-24T09:30Z: urgent is due three hours later, normal later still.
        Instant from = Instant.parse("2026-11-24T00:00:00Z");
        Instant to = Instant.parse("2026-11-25T00:00:00Z");
        Instant now = Instant.parse("2026-11-24T20:00:00Z");

        List<ReferralCount> all = store.read(repositories -> repositories.reports().referralCounts(from, to,
                Optional.empty(), now));
        List<ReferralCount> south = store.read(repositories -> repositories.reports().referralCounts(from, to,
                Optional.of("South"), now));
        List<ReferralCount> before = store.read(repositories -> repositories.reports().referralCounts(
                from.minusSeconds(86_400), from, Optional.empty(), now));

        assertThat(all).containsExactly(new ReferralCount("health", "SENT", 2, 1));
        assertThat(south).containsExactly(new ReferralCount("health", "SENT", 1, 0));
        assertThat(before).isEmpty();
        List<Acceptance> accepted = store.read(repositories -> repositories.reports().acceptances(from, to,
                Optional.empty()));
        assertThat(accepted).as("none accepted yet").isEmpty();
    }

    @Test
    void aReferralsWaitRunsToItsFirstAcceptanceEvenWhenEventsArriveOutOfOrder() {
        NewReferral twice = ReferralRepositoryContract.referral(UUID.randomUUID(), UUID.randomUUID(), "health",
                Urgency.NORMAL, UUID.randomUUID());
        NewReferral once = ReferralRepositoryContract.referral(UUID.randomUUID(), UUID.randomUUID(), "legal",
                Urgency.NORMAL, UUID.randomUUID());
        Instant requested = twice.referral().requestedAt();
        inTransaction(repositories -> {
            repositories.referrals().insertRequested(List.of(twice, once));
            // The later acceptance is projected first: the wait must still run to the earlier one.
            accept(repositories, twice.referral(), requested.plus(Duration.ofDays(2)));
            accept(repositories, twice.referral(), requested.plus(Duration.ofDays(1)));
            accept(repositories, once.referral(), requested.plus(Duration.ofHours(3)));
            return null;
        });

        List<Acceptance> accepted = store.read(repositories -> repositories.reports().acceptances(
                requested.minus(Duration.ofDays(1)), requested.plus(Duration.ofDays(1)), Optional.empty()));

        assertThat(accepted).containsExactlyInAnyOrder(new Acceptance("health", Duration.ofDays(1).toMillis()),
                new Acceptance("legal", Duration.ofHours(3).toMillis()));
    }

    @Test
    void theUpgradeFindsTheFirstAcceptanceOfReferralsAcceptedBeforeIt() throws IOException {
        // A store as the release before V18 left it: the acceptances only among the referral events.
        String old = engine() == Engine.SQLITE ? JdbiHubStore.sqliteUrl(Files.createDirectories(dir.resolve("old")))
                : TestPostgres.newDatabaseUrl();
        Flyway.configure().dataSource(old, null, null).locations("classpath:db/migration/"
                + (engine() == Engine.SQLITE ? "sqlite" : "postgresql")).target("15").load().migrate();
        long requested = Instant.parse("2026-11-24T09:30:00Z").toEpochMilli();
        long hour = Duration.ofHours(1).toMillis();
        try (Connection connection = DriverManager.getConnection(old);
             PreparedStatement referral = connection.prepareStatement("INSERT INTO referrals (referral_id, "
                     + "household_id, service, status, urgency, requested_at, due_at, basis, people_json, event_id, "
                     + "created_at, updated_at) VALUES (?, 'h', ?, 'ACCEPTED', 'NORMAL', ?, ?, 'consent', '[]', ?, ?, ?)");
             PreparedStatement event = connection.prepareStatement("INSERT INTO referral_events (event_id, "
                     + "referral_id, type, status, recorded_at, payload_json) VALUES (?, ?, 'T', ?, ?, '{}')")) {
            for (String service : List.of("health", "legal")) {
                referral.setString(1, service + "-1");
                referral.setString(2, service);
                referral.setLong(3, requested);
                referral.setLong(4, requested + 72 * hour);
                referral.setString(5, service + "-e0");
                referral.setLong(6, requested);
                referral.setLong(7, requested);
                referral.executeUpdate();
            }
            Object[][] events = {{"health", "REQUESTED", 0L}, {"health", "ACCEPTED", 5 * hour},
                {"health", "ACCEPTED", 2 * hour}, {"legal", "REQUESTED", 0L}, {"legal", "DECLINED", hour}};
            for (int i = 0; i < events.length; i++) {
                event.setString(1, "e" + i);
                event.setString(2, events[i][0] + "-1");
                event.setString(3, (String) events[i][1]);
                event.setLong(4, requested + (Long) events[i][2]);
                event.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }

        try (JdbiHubStore upgraded = JdbiHubStore.open(old, null)) {
            List<Acceptance> accepted = upgraded.read(repositories -> repositories.reports().acceptances(
                    Instant.ofEpochMilli(requested), Instant.ofEpochMilli(requested + 1), Optional.empty()));

            assertThat(accepted).containsExactly(new Acceptance("health", 2 * hour));
        }
    }

    private static void accept(Repositories repositories, ReferralRecord before, Instant at) {
        ReferralRecord after = before.in(new ReferralState(before.service(), ReferralStatus.ACCEPTED, before.basis()),
                at);
        repositories.referrals().recordChange(before, after, new ReferralEventRecord(UUID.randomUUID(),
                before.referralId(), "ReferralTransitioned", ReferralStatus.ACCEPTED, at, "{}"));
    }

    @Test
    void theBackfillCountsHouseholdsStoredBeforeTheReportsOnce() {
        UUID id = UUID.randomUUID();
        java.security.SecureRandom random = new java.security.SecureRandom();
        HouseholdVault vault = new HouseholdVault(HubDataKey.generate(random), random);
        inTransaction(repositories -> repositories.households().insertNew(List.of(vault.seal(new HouseholdRecord(id,
                TokenId.random(random), "KIOSK-01", DAY, "KIOSK-01", "North",
                Instant.parse("2026-11-24T09:30:00Z"), HouseholdJson.write(TestKiosk.household()).toString(),
                UUID.randomUUID()), TestKiosk.household()).household())));

        long counted = ReportBackfill.run(store, vault, NeedsCatalogue.bundled());
        long again = ReportBackfill.run(store, vault, NeedsCatalogue.bundled());

        assertThat(counted).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(counts(DAY, DAY, Optional.empty())).contains(Map.entry(DAY + " North people ", 2L),
                Map.entry("North age-sex F/18-59", 1L), Map.entry("North age-sex M/5-11", 1L),
                Map.entry("North need WR", 1L), Map.entry("North need SV", 1L));
    }

    @Test
    void aWindowOfWholeMonthsAndLooseDaysSumsAsItsDaysDo() {
        List<Reported> households = new java.util.ArrayList<>();
        List<LocalDate> days = List.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 3),
                LocalDate.of(2026, 11, 5), LocalDate.of(2026, 12, 31));
        for (int i = 0; i < days.size(); i++) {
            households.add(new Reported(UUID.randomUUID(), facts(i % 2 == 0 ? "North" : "South", days.get(i),
                    person(Sex.F, AgeBracket.AGE_18_59, "SV"), person(i % 3 == 0 ? Sex.M : Sex.F,
                            AgeBracket.AGE_0_4, "WR"))));
        }
        UUID moved = households.get(3).householdId();
        inTransaction(repositories -> {
            ReportProjection.added(repositories, households);
            // Corrected from mid-October into September: the monthly counts move with it.
            ReportProjection.changed(repositories, new Reported(moved, facts("South", LocalDate.of(2026, 9, 25),
                    person(Sex.F, AgeBracket.AGE_18_59, "SV"), person(Sex.F, AgeBracket.AGE_0_4, "WR"))));
            return null;
        });
        households.set(3, new Reported(moved, facts("South", LocalDate.of(2026, 9, 25),
                person(Sex.F, AgeBracket.AGE_18_59, "SV"), person(Sex.F, AgeBracket.AGE_0_4, "WR"))));

        List<List<LocalDate>> windows = List.of(List.of(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 11, 3)),
                List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                List.of(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 20)),
                List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31)),
                List.of(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 1)));
        for (List<LocalDate> window : windows) {
            for (Optional<String> site : List.of(Optional.<String>empty(), Optional.of("South"))) {
                assertThat(nonZero(counts(window.get(0), window.get(1), site))).as(window + " " + site)
                        .isEqualTo(expected(households, window.get(0), window.get(1), site));
            }
        }
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> kept = new java.util.HashMap<>(counts);
        kept.values().removeIf(count -> count == 0);
        return kept;
    }

    /** The counts worked out from the facts themselves, keyed as {@link #counts} keys them. */
    private static Map<String, Long> expected(List<Reported> households, LocalDate from, LocalDate to,
                                              Optional<String> site) {
        Map<String, Long> expected = new java.util.HashMap<>();
        for (Reported household : households) {
            HouseholdFacts facts = household.facts();
            if (facts.arrival().isBefore(from) || facts.arrival().isAfter(to)
                    || site.filter(name -> !name.equals(facts.site())).isPresent()) {
                continue;
            }
            String day = facts.arrival() + " " + facts.site() + " ";
            expected.merge(day + "households ", 1L, Long::sum);
            expected.merge(day + "people ", (long) facts.people().size(), Long::sum);
            for (HouseholdFacts.Person person : facts.people()) {
                expected.merge(facts.site() + " age-sex " + person.sex() + "/" + person.age().label(), 1L, Long::sum);
                person.needCategories().forEach(need -> expected.merge(facts.site() + " need " + need, 1L,
                        Long::sum));
            }
        }
        return expected;
    }
}

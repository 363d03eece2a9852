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
import org.threshold.hub.app.report.ReportRepository.Count;
import org.threshold.hub.app.report.ReportRepository.ReferralCount;
import org.threshold.hub.app.report.ReportRepository.Reported;
import org.threshold.hub.app.report.ReportRepository.Wait;

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
        LocalDate from = LocalDate.parse("2026-11-24");
        LocalDate to = from;
        Instant now = Instant.parse("2026-11-24T20:00:00Z");

        List<ReferralCount> all = store.read(repositories -> repositories.reports().referralCounts(from, to,
                Optional.empty(), now));
        List<ReferralCount> south = store.read(repositories -> repositories.reports().referralCounts(from, to,
                Optional.of("South"), now));
        List<ReferralCount> before = store.read(repositories -> repositories.reports().referralCounts(
                from.minusDays(1), from.minusDays(1), Optional.empty(), now));

        assertThat(all).containsExactly(new ReferralCount("health", "SENT", 2, 1));
        assertThat(south).containsExactly(new ReferralCount("health", "SENT", 1, 0));
        assertThat(before).isEmpty();
        List<Wait> accepted = store.read(repositories -> repositories.reports().waits(from, to, Optional.empty()));
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

        LocalDate day = LocalDate.ofInstant(requested, java.time.ZoneOffset.UTC);
        List<Wait> accepted = store.read(repositories -> repositories.reports().waits(day.minusDays(1), day.plusDays(1),
                Optional.empty()));

        assertThat(accepted).containsExactlyInAnyOrder(new Wait("health", Duration.ofDays(1).toMinutes(), 1),
                new Wait("legal", Duration.ofHours(3).toMinutes(), 1));
    }

    @Test
    void theUpgradeFindsFirstAcceptancesAndCountsTheReferralsStoredBeforeIt() throws IOException {
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
                     + "created_at, updated_at) VALUES (?, ?, ?, 'ACCEPTED', 'NORMAL', ?, ?, 'consent', '[]', ?, ?, ?)");
             PreparedStatement facts = connection.prepareStatement("INSERT INTO report_households (household_id, "
                     + "site, arrival, members) VALUES ('h-health', 'North', '2026-11-24', '')");
             PreparedStatement event = connection.prepareStatement("INSERT INTO referral_events (event_id, "
                     + "referral_id, type, status, recorded_at, payload_json) VALUES (?, ?, 'T', ?, ?, '{}')")) {
            for (String service : List.of("health", "legal")) {
                referral.setString(1, service + "-1");
                referral.setString(2, "h-" + service);
                referral.setString(3, service);
                referral.setLong(4, requested);
                referral.setLong(5, requested + 72 * hour);
                referral.setString(6, service + "-e0");
                referral.setLong(7, requested);
                referral.setLong(8, requested);
                referral.executeUpdate();
            }
            facts.executeUpdate();
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
            LocalDate day = LocalDate.parse("2026-11-24");
            List<Wait> accepted = upgraded.read(repositories -> repositories.reports().waits(day, day,
                    Optional.empty()));
            // V20 counts the referrals there were, at their household's site when it has report facts.
            List<ReferralCount> north = upgraded.read(repositories -> repositories.reports().referralCounts(day, day,
                    Optional.of("North"), Instant.ofEpochMilli(requested + hour)));
            List<ReferralCount> all = upgraded.read(repositories -> repositories.reports().referralCounts(day, day,
                    Optional.empty(), Instant.ofEpochMilli(requested + 73 * hour)));

            assertThat(accepted).containsExactly(new Wait("health", 120, 1));
            assertThat(north).containsExactly(new ReferralCount("health", "ACCEPTED", 1, 0));
            assertThat(all).containsExactlyInAnyOrder(new ReferralCount("health", "ACCEPTED", 1, 1),
                    new ReferralCount("legal", "ACCEPTED", 1, 1));
        }
    }

    @Test
    void theKeptReferralCountsAndWaitsEqualARecountFromTheReferralsAfterEveryKindOfChange() {
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        NewReferral health = ReferralRepositoryContract.referral(UUID.randomUUID(), north, "health", Urgency.URGENT,
                UUID.randomUUID());
        NewReferral legal = ReferralRepositoryContract.referral(UUID.randomUUID(), north, "legal", Urgency.NORMAL,
                UUID.randomUUID());
        NewReferral gbv = ReferralRepositoryContract.referral(UUID.randomUUID(), south, "gbv", Urgency.NORMAL,
                UUID.randomUUID());
        NewReferral child = ReferralRepositoryContract.referral(UUID.randomUUID(), late, "child-protection",
                Urgency.NORMAL, UUID.randomUUID());
        Instant requested = health.referral().requestedAt();
        inTransaction(repositories -> {
            ReportProjection.added(repositories, List.of(new Reported(north, facts("North", DAY)),
                    new Reported(south, facts("South", DAY))));
            // The last household's referral comes before its report facts: counted without a site until they come.
            repositories.referrals().insertRequested(List.of(health, legal, gbv, child));
            ReferralRecord accepted = accept(repositories, health.referral(), requested.plus(Duration.ofMinutes(95)));
            change(repositories, accepted, "health", ReferralStatus.IN_PROGRESS, requested.plus(Duration.ofHours(5)));
            accept(repositories, gbv.referral(), requested.plus(Duration.ofDays(2)));
            // Reassigned from legal to health, then withdrawn.
            ReferralRecord reassigned = change(repositories, legal.referral(), "health", ReferralStatus.SENT,
                    requested.plus(Duration.ofHours(1)));
            change(repositories, reassigned, "health", ReferralStatus.WITHDRAWN, requested.plus(Duration.ofHours(2)));
            // North merged into South, unmerged, then merged again: its referrals follow the household's site.
            List<UUID> norths = List.of(health.referral().referralId(), legal.referral().referralId());
            repositories.referrals().moveToHousehold(norths, south);
            repositories.referrals().moveToHousehold(norths, north);
            repositories.referrals().moveToHousehold(List.of(health.referral().referralId()), south);
            ReportProjection.added(repositories, List.of(new Reported(late, facts("West", DAY))));
            // Erasure redacts the history; the codes and status the reports count stay.
            repositories.referrals().redact(gbv.referral().referralId(), Map.of(gbv.request().eventId(), "{}"),
                    requested.plus(Duration.ofDays(3)), "ERASED");
            return null;
        });

        Map<String, Long> counts = nonZero(table("SELECT requested, site, service, status, count FROM referral_counts"));
        assertThat(counts).isEqualTo(recount(false, false));
        assertThat(nonZero(table("SELECT month, site, service, status, count FROM referral_counts_by_month")))
                .isEqualTo(recount(true, false));
        assertThat(nonZero(table("SELECT requested, site, service, minutes, count FROM referral_waits")))
                .isEqualTo(recount(false, true));
        assertThat(counts).as("every change reached the kept counts").containsOnlyKeys(
                "2026-11-24 South health IN_PROGRESS", "2026-11-24 North health WITHDRAWN",
                "2026-11-24 South gbv ACCEPTED", "2026-11-24 West child-protection SENT");
    }

    /** A kept table's rows, keyed by their key's columns joined by spaces. */
    private Map<String, Long> table(String sql) {
        Map<String, Long> rows = new java.util.HashMap<>();
        try (Connection connection = DriverManager.getConnection(url);
             java.sql.ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                rows.put(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                        + result.getString(4), result.getLong(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /**
     * The counts (by day, or by month) or the waits worked out from the referrals themselves, each at its household's
     * site from the report facts, keyed as {@link #table} keys them.
     */
    private Map<String, Long> recount(boolean byMonth, boolean waits) {
        Map<String, String> sites = new java.util.HashMap<>();
        Map<String, Long> expected = new java.util.HashMap<>();
        try (Connection connection = DriverManager.getConnection(url)) {
            try (java.sql.ResultSet facts = connection.createStatement().executeQuery(
                    "SELECT household_id, site FROM report_households")) {
                while (facts.next()) {
                    sites.put(facts.getString(1), facts.getString(2));
                }
            }
            try (java.sql.ResultSet referrals = connection.createStatement().executeQuery("SELECT household_id, "
                    + "requested_at, service, status, accepted_at FROM referrals")) {
                while (referrals.next()) {
                    long requestedAt = referrals.getLong(2);
                    long acceptedAt = referrals.getLong(5);
                    boolean accepted = !referrals.wasNull();
                    String day = LocalDate.ofInstant(Instant.ofEpochMilli(requestedAt), java.time.ZoneOffset.UTC)
                            .toString();
                    String key = (byMonth ? day.substring(0, 7) : day) + " "
                            + sites.getOrDefault(referrals.getString(1), "") + " " + referrals.getString(3) + " ";
                    if (!waits) {
                        expected.merge(key + referrals.getString(4), 1L, Long::sum);
                    } else if (accepted) {
                        expected.merge(key + (acceptedAt - requestedAt) / 60_000, 1L, Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return expected;
    }

    private static ReferralRecord change(Repositories repositories, ReferralRecord before, String service,
                                         ReferralStatus status, Instant at) {
        ReferralRecord after = before.in(new ReferralState(service, status, before.basis()), at);
        repositories.referrals().recordChange(before, after, new ReferralEventRecord(UUID.randomUUID(),
                before.referralId(), "ReferralTransitioned", status, at, "{}"));
        return after;
    }

    private static ReferralRecord accept(Repositories repositories, ReferralRecord before, Instant at) {
        return change(repositories, before, before.service(), ReferralStatus.ACCEPTED, at);
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

package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.household.HouseholdProjector;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.ReferralRepository.NewReferral;
import org.threshold.hub.app.referral.QueueRepository.QueueCursor;
import org.threshold.hub.app.referral.QueueRepository.QueuePage;
import org.threshold.hub.store.JdbiHubStore;
import org.threshold.hub.testing.TestPostgres;

/**
 * A queue read page by page while referrals keep arriving, on SQLite and on PostgreSQL: no referral is shown twice,
 * none that was there when the reading began is skipped, one that arrives ahead of the page being read is shown and
 * one that arrives behind it is not, and the pages come in due order. Due times are drawn from a few minutes, so many
 * referrals share one and the id decides. Each try reads services of its own, so the tries share one store per engine.
 */
class QueuePagingProperties {
    private static final Instant BASE = Instant.parse("2026-12-01T08:00:00Z");
    private static Path dir;
    private static HubStore sqlite;
    private static HubStore postgres;

    /** Referrals due this many minutes after {@link #BASE}, first the queue's, then those arriving after each page. */
    record Scenario(List<Integer> initial, List<List<Integer>> arrivals, int pageSize) {
    }

    @BeforeContainer
    static void openStores() throws IOException {
        dir = Files.createTempDirectory("queue-paging-");
        sqlite = JdbiHubStore.open(JdbiHubStore.sqliteUrl(dir), null);
        postgres = JdbiHubStore.open(TestPostgres.newDatabaseUrl(), null);
    }

    @AfterContainer
    static void closeStores() throws IOException {
        sqlite.close();
        postgres.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Property(tries = 40)
    void onSqliteNoReferralIsSkippedOrRepeatedWhileOthersArrive(@ForAll("scenarios") Scenario scenario) {
        readWhileArriving(sqlite, scenario);
    }

    @Property(tries = 40)
    void onPostgresNoReferralIsSkippedOrRepeatedWhileOthersArrive(@ForAll("scenarios") Scenario scenario) {
        readWhileArriving(postgres, scenario);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Integer> due = Arbitraries.integers().between(0, 6);
        return Combinators.combine(due.list().ofMaxSize(40), due.list().ofMaxSize(4).list().ofMaxSize(12),
                Arbitraries.integers().between(1, 8)).as(Scenario::new);
    }

    private static void readWhileArriving(HubStore store, Scenario scenario) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // Two services read together, and a third beside them that must never show.
        List<String> services = List.of("a-" + suffix, "b-" + suffix, "c-" + suffix);
        Set<String> read = Set.of(services.get(0), services.get(1));
        List<ReferralRecord> mustShow = new ArrayList<>(insert(store, services, scenario.initial(), 0));
        Set<UUID> mustNotShow = new HashSet<>();

        List<ReferralRecord> seen = new ArrayList<>();
        Optional<QueueCursor> after = Optional.empty();
        int page = 0;
        do {
            Optional<QueueCursor> from = after;
            QueuePage found = store.read(repositories -> repositories.queues().page(read, Optional.empty(), from,
                    scenario.pageSize(), HouseholdProjector.PROJECTION));
            assertThat(found.referrals()).hasSizeLessThanOrEqualTo(scenario.pageSize());
            seen.addAll(found.referrals());
            after = found.next();
            if (after.isPresent() && page < scenario.arrivals().size()) {
                QueueCursor cursor = after.get();
                for (ReferralRecord arrived : insert(store, services, scenario.arrivals().get(page), page + 1)) {
                    if (ORDER.compare(key(arrived), cursor) > 0) {
                        mustShow.add(arrived);
                    } else {
                        mustNotShow.add(arrived.referralId());
                    }
                }
            }
            page++;
        } while (after.isPresent() && page <= scenario.initial().size() + 50);

        List<ReferralRecord> expected = mustShow.stream().filter(referral -> read.contains(referral.service()))
                .toList();
        assertThat(seen).extracting(ReferralRecord::referralId).doesNotHaveDuplicates()
                .noneMatch(mustNotShow::contains);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seen).extracting(QueuePagingProperties::key).isSortedAccordingTo(ORDER);
    }

    /** The queue's order: due time, then the id as the store compares it (as text). */
    private static final Comparator<QueueCursor> ORDER = Comparator.comparing(QueueCursor::dueAt)
            .thenComparing(cursor -> cursor.referralId().toString());

    private static QueueCursor key(ReferralRecord referral) {
        return new QueueCursor(referral.dueAt(), referral.referralId());
    }

    /** Referrals due at these minutes, spread over the three services; one transaction, as the projector makes them. */
    private static List<ReferralRecord> insert(HubStore store, List<String> services, List<Integer> dueMinutes,
                                               int batch) {
        List<NewReferral> made = new ArrayList<>();
        for (int i = 0; i < dueMinutes.size(); i++) {
            made.add(referral(services.get((i + batch) % services.size()), BASE.plusSeconds(60L * dueMinutes.get(i))));
        }
        store.inTransaction(repositories -> repositories.referrals().insertRequested(made));
        return made.stream().map(NewReferral::referral).toList();
    }

    private static NewReferral referral(String service, Instant dueAt) {
        UUID eventId = UUID.randomUUID();
        Instant requestedAt = dueAt.minus(Urgency.URGENT.dueIn());
        ReferralRequested request = new ReferralRequested(UUID.randomUUID(), UUID.randomUUID(), service,
                Urgency.URGENT, requestedAt, dueAt, LegalBasis.CONSENT, List.of(new ReferredPerson(0,
                List.of("SM-CI"))));
        ReferralRecord record = ReferralRecord.requested(request, eventId, requestedAt);
        return new NewReferral(record, new ReferralEventRecord(eventId, request.referralId(),
                ReferralRequested.WIRE_NAME, record.status(), requestedAt,
                new String(request.toJson(), StandardCharsets.UTF_8)));
    }
}

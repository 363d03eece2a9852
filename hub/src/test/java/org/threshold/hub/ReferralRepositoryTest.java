package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferralState;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;
import org.threshold.core.crypto.HubSealing;
import org.threshold.hub.app.household.HouseholdProjector;
import org.threshold.hub.app.household.HouseholdRestriction;
import org.threshold.hub.app.household.ProjectionFailure;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.QueueRepository.ChangeMark;
import org.threshold.hub.app.referral.ReferralRepository.NewReferral;
import org.threshold.hub.app.referral.QueueRepository.QueueCursor;
import org.threshold.hub.app.referral.QueueRepository.QueuePage;

/** The referral store's contract, on SQLite and on PostgreSQL. */
class ReferralRepositoryTest {
    @Nested
    class OnSqlite extends ReferralRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends ReferralRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class ReferralRepositoryContract extends StoreContract {
    private static final Instant REQUESTED = Instant.parse("2026-11-24T09:30:00.123Z");
    private static final Instant PROJECTED = Instant.parse("2026-11-24T09:31:00Z");
    private static final String PROJECTION = HouseholdProjector.PROJECTION;

    static NewReferral referral(UUID referralId, UUID householdId, String service, Urgency urgency, UUID eventId) {
        ReferralRequested request = new ReferralRequested(referralId, householdId, service, urgency, REQUESTED,
                REQUESTED.plus(urgency.dueIn()), LegalBasis.CONSENT,
                List.of(new ReferredPerson(0, List.of("SM-CI")), new ReferredPerson(2, List.of("SM-DP", "PG-HR"))));
        ReferralRecord record = ReferralRecord.requested(request, eventId, PROJECTED);
        return new NewReferral(record, new ReferralEventRecord(eventId, referralId, ReferralRequested.WIRE_NAME,
                record.status(), REQUESTED, new String(request.toJson(), StandardCharsets.UTF_8)));
    }

    @Test
    void aRequestedReferralIsFoundSentExactlyAsRequestedWithItsRequestAsItsHistory() {
        NewReferral created = referral(UUID.randomUUID(), UUID.randomUUID(), "health", Urgency.URGENT,
                UUID.randomUUID());

        var refused = inTransaction(repositories -> repositories.referrals().insertRequested(List.of(created)));

        assertThat(refused).isEmpty();
        ReferralRecord found = store.read(repositories -> repositories.referrals()
                .find(created.referral().referralId())).orElseThrow();
        assertThat(found).isEqualTo(created.referral());
        assertThat(found.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(found.dueAt()).isEqualTo(REQUESTED.plus(Duration.ofHours(3)));
        List<ReferralEventRecord> history = store.read(repositories -> repositories.referrals()
                .history(created.referral().referralId()));
        Optional<ReferralRecord> unknown = store.read(repositories -> repositories.referrals().find(UUID.randomUUID()));
        assertThat(history).containsExactly(created.request());
        assertThat(unknown).isEmpty();
    }

    @Test
    void projectingTheSameEventAgainChangesNothingAndAClashIsRefusedWithoutUndoingTheRest() {
        NewReferral first = referral(UUID.randomUUID(), UUID.randomUUID(), "health", Urgency.URGENT,
                UUID.randomUUID());
        inTransaction(repositories -> repositories.referrals().insertRequested(List.of(first)));
        NewReferral sameId = referral(first.referral().referralId(), UUID.randomUUID(), "legal", Urgency.PRIORITY,
                UUID.randomUUID());
        NewReferral fresh = referral(UUID.randomUUID(), UUID.randomUUID(), "shelter", Urgency.NORMAL,
                UUID.randomUUID());

        var refused = inTransaction(repositories -> repositories.referrals().insertRequested(List.of(first, sameId,
                fresh, fresh)));

        assertThat(refused).containsExactly(new ProjectionFailure(sameId.referral().eventId(),
                "referral id already projected from another event"));
        long count = store.read(repositories -> repositories.referrals().count());
        Optional<ReferralRecord> kept = store.read(repositories -> repositories.referrals()
                .find(first.referral().referralId()));
        List<ReferralEventRecord> history = store.read(repositories -> repositories.referrals()
                .history(first.referral().referralId()));
        assertThat(count).isEqualTo(2);
        assertThat(kept).contains(first.referral());
        assertThat(history).hasSize(1);
    }

    @Test
    void aHouseholdsReferralsComeSoonestDueFirst() {
        UUID household = UUID.randomUUID();
        NewReferral normal = referral(UUID.randomUUID(), household, "shelter", Urgency.NORMAL, UUID.randomUUID());
        NewReferral emergency = referral(UUID.randomUUID(), household, "child-protection", Urgency.EMERGENCY,
                UUID.randomUUID());
        NewReferral elsewhere = referral(UUID.randomUUID(), UUID.randomUUID(), "health", Urgency.URGENT,
                UUID.randomUUID());

        inTransaction(repositories -> repositories.referrals().insertRequested(List.of(normal, emergency, elsewhere)));

        List<ReferralRecord> found = store.read(repositories -> repositories.referrals().forHousehold(household));
        assertThat(found).containsExactly(emergency.referral(), normal.referral());
    }

    @Test
    void aQueueComesSoonestDueFirstAcrossItsServicesPageByPageWithoutGapsOrRepeats() {
        List<NewReferral> made = new ArrayList<>();
        Urgency[] urgencies = Urgency.values();
        String[] services = {"health", "legal", "shelter"};
        for (int i = 0; i < 30; i++) {
            made.add(referral(UUID.randomUUID(), UUID.randomUUID(), services[i % 3], urgencies[i % urgencies.length],
                    UUID.randomUUID()));
        }
        inTransaction(repositories -> repositories.referrals().insertRequested(made));
        List<ReferralRecord> expected = made.stream().map(NewReferral::referral)
                .filter(referral -> !referral.service().equals("shelter"))
                .sorted(Comparator.comparing(ReferralRecord::dueAt).thenComparing(ReferralRecord::referralId,
                        Comparator.comparing(ReferralRepositoryContract::stored)))
                .toList();

        List<ReferralRecord> seen = new ArrayList<>();
        Optional<QueueCursor> after = Optional.empty();
        int pages = 0;
        do {
            Optional<QueueCursor> from = after;
            QueuePage page = store.read(repositories -> repositories.queues().page(Set.of("health", "legal"),
                    Optional.empty(), from, 7, PROJECTION));
            assertThat(page.referrals()).hasSizeLessThanOrEqualTo(7);
            seen.addAll(page.referrals());
            after = page.next();
            pages++;
        } while (after.isPresent() && pages < 10);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    /** The referral read beyond the page, only to learn that a next page exists, brings nothing of its household. */
    @Test
    void aQueuePageCarriesTheHouseholdsOfTheReferralsItShowsAndNoOther() {
        List<SealedHousehold> households = List.of(LookupRepositoryContract.household(),
                LookupRepositoryContract.household(), LookupRepositoryContract.household());
        Urgency[] soonestFirst = {Urgency.EMERGENCY, Urgency.URGENT, Urgency.PRIORITY};
        List<NewReferral> made = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            made.add(referral(UUID.randomUUID(), households.get(i).householdId(), "health", soonestFirst[i],
                    UUID.randomUUID()));
        }
        inTransaction(repositories -> {
            repositories.households().insertNew(households);
            repositories.referrals().insertRequested(made);
            repositories.restrictions().restrict(new HouseholdRestriction(households.get(2).householdId(), PROJECTED,
                    "dpo", UUID.randomUUID(), "DSR-2026-003"));
            return null;
        });

        QueuePage page = store.read(repositories -> repositories.queues().page(Set.of("health"), Optional.empty(),
                Optional.empty(), 2, PROJECTION));

        assertThat(page.referrals()).containsExactly(made.get(0).referral(), made.get(1).referral());
        assertThat(page.households()).containsOnlyKeys(households.get(0).householdId(),
                households.get(1).householdId());
        assertThat(page.restricted()).isEmpty();
        assertThat(page.next()).contains(new QueueCursor(made.get(1).referral().dueAt(),
                made.get(1).referral().referralId()));
    }

    @Test
    void aQueuePageCarriesItsHouseholdsAsStoredErasedOnesMarkedUnknownOnesLeftOutAndWhichAreRestricted() {
        SealedHousehold kept = LookupRepositoryContract.household();
        SealedHousehold erased = LookupRepositoryContract.household();
        SealedHousehold restricted = LookupRepositoryContract.household();
        UUID unknown = UUID.randomUUID();
        List<NewReferral> made = new ArrayList<>();
        for (UUID household : List.of(kept.householdId(), erased.householdId(), restricted.householdId(), unknown)) {
            made.add(referral(UUID.randomUUID(), household, "health", Urgency.URGENT, UUID.randomUUID()));
        }
        inTransaction(repositories -> {
            repositories.households().insertNew(List.of(kept, erased, restricted));
            repositories.referrals().insertRequested(made);
            repositories.households().erase(erased.householdId(), PROJECTED);
            repositories.restrictions().restrict(new HouseholdRestriction(restricted.householdId(), PROJECTED, "dpo",
                    UUID.randomUUID(), "DSR-2026-002"));
            return null;
        });

        QueuePage page = store.read(repositories -> repositories.queues().page(Set.of("health"), Optional.empty(),
                Optional.empty(), 50, PROJECTION));
        var stored = store.read(repositories -> repositories.households().findById(kept.householdId()));

        assertThat(page.referrals()).containsExactlyInAnyOrderElementsOf(made.stream().map(NewReferral::referral)
                .toList());
        assertThat(page.households()).containsOnlyKeys(kept.householdId(), erased.householdId(),
                restricted.householdId());
        assertThat(page.households().get(kept.householdId())).usingRecursiveComparison()
                .isEqualTo(stored.orElseThrow());
        assertThat(page.households().get(erased.householdId()).erased()).isTrue();
        assertThat(page.restricted()).containsExactly(restricted.householdId());
    }

    /** A page says, in its own read, whether stored events await projection: with referrals or with none. */
    @Test
    void aQueuePageSaysWhetherTheProjectionIsBehind() {
        NewReferral health = referral(UUID.randomUUID(), UUID.randomUUID(), "health", Urgency.URGENT,
                UUID.randomUUID());
        inTransaction(repositories -> repositories.referrals().insertRequested(List.of(health)));
        boolean before = behind("health");
        TestKiosk kiosk = new TestKiosk("KIOSK-01", HubSealing.generate(new SecureRandom()).publicKey());
        inTransaction(repositories -> {
            repositories.events().lockHead("KIOSK-01");
            repositories.events().append("KIOSK-01", kiosk.registerMany(2), PROJECTED);
            return null;
        });
        boolean stored = behind("health");
        boolean storedEmpty = behind("legal");
        inTransaction(repositories -> repositories.events().sequenceForProjection(10));
        inTransaction(repositories -> repositories.projections().advance(PROJECTION, 0, 2));
        boolean projected = behind("health");
        boolean projectedEmpty = behind("legal");

        assertThat(before).isFalse();
        assertThat(stored).isTrue();
        assertThat(storedEmpty).isTrue();
        assertThat(projected).isFalse();
        assertThat(projectedEmpty).isFalse();
    }

    /** The page's own check, which must be the lookups' check. */
    private boolean behind(String service) {
        QueuePage page = store.read(repositories -> repositories.queues().page(Set.of(service), Optional.empty(),
                Optional.empty(), 50, PROJECTION));
        assertThat(page.projectionBehind()).isEqualTo(store.read(repositories -> repositories.lookups()
                .projectionBehind(PROJECTION)));
        assertThat(page.referrals()).hasSize(service.equals("health") ? 1 : 0);
        return page.projectionBehind();
    }

    @Test
    void aQueueFiltersByStatusAndCountsEachStatusOfItsServices() {
        NewReferral health = referral(UUID.randomUUID(), UUID.randomUUID(), "health", Urgency.URGENT,
                UUID.randomUUID());
        NewReferral legal = referral(UUID.randomUUID(), UUID.randomUUID(), "legal", Urgency.URGENT, UUID.randomUUID());
        inTransaction(repositories -> repositories.referrals().insertRequested(List.of(health, legal)));

        QueuePage sent = store.read(repositories -> repositories.queues().page(Set.of("health"),
                Optional.of(ReferralStatus.SENT), Optional.empty(), 50, PROJECTION));
        QueuePage closed = store.read(repositories -> repositories.queues().page(Set.of("health"),
                Optional.of(ReferralStatus.CLOSED), Optional.empty(), 50, PROJECTION));
        Map<ReferralStatus, Long> counts = store.read(repositories -> repositories.queues()
                .countsByStatus(Set.of("health", "legal", "gbv")));
        QueuePage none = store.read(repositories -> repositories.queues().page(Set.of(), Optional.empty(),
                Optional.empty(), 50, PROJECTION));

        assertThat(sent.referrals()).containsExactly(health.referral());
        assertThat(sent.next()).isEmpty();
        assertThat(closed.referrals()).isEmpty();
        assertThat(counts).containsExactly(Map.entry(ReferralStatus.SENT, 2L));
        assertThat(none.referrals()).isEmpty();
    }

    @Test
    void theCountsFollowEveryTransitionReassignmentAndNoteAndMatchTheReferralsThemselves() {
        NewReferral first = referral(UUID.randomUUID(), UUID.randomUUID(), "health", Urgency.URGENT, UUID.randomUUID());
        NewReferral second = referral(UUID.randomUUID(), UUID.randomUUID(), "health", Urgency.NORMAL,
                UUID.randomUUID());
        NewReferral third = referral(UUID.randomUUID(), UUID.randomUUID(), "legal", Urgency.NORMAL, UUID.randomUUID());
        inTransaction(repositories -> repositories.referrals().insertRequested(List.of(first, second, third)));
        // Projected again, as after a restart: the counts must not count them twice.
        inTransaction(repositories -> repositories.referrals().insertRequested(List.of(first, second, third)));

        ReferralRecord received = change(first.referral(), "health", ReferralStatus.RECEIVED);
        ReferralRecord accepted = change(received, "health", ReferralStatus.ACCEPTED);
        change(second.referral(), "legal", ReferralStatus.SENT);
        change(accepted, "health", ReferralStatus.ACCEPTED);

        Map<ReferralStatus, Long> health = store.read(repositories -> repositories.queues()
                .countsByStatus(Set.of("health")));
        Map<ReferralStatus, Long> legal = store.read(repositories -> repositories.queues()
                .countsByStatus(Set.of("legal")));
        Map<ReferralStatus, Long> both = store.read(repositories -> repositories.queues()
                .countsByStatus(Set.of("health", "legal")));
        assertThat(health).containsExactly(Map.entry(ReferralStatus.ACCEPTED, 1L));
        assertThat(legal).containsExactly(Map.entry(ReferralStatus.SENT, 2L));
        assertThat(both).isEqualTo(countedFromTheReferrals(Set.of("health", "legal")));
    }

    /** Records the change of {@code before} to {@code service} and {@code status} as the hub does, and returns it. */
    private ReferralRecord change(ReferralRecord before, String service, ReferralStatus status) {
        Instant at = before.updatedAt().plusSeconds(60);
        ReferralRecord after = before.in(new ReferralState(service, status, before.basis()), at);
        inTransaction(repositories -> {
            repositories.referrals().recordChange(before, after, new ReferralEventRecord(UUID.randomUUID(),
                    before.referralId(), "ReferralStatusChanged", status, at, "{}"));
            return null;
        });
        return after;
    }

    /** The counts as a full read of the services' referrals gives them: what the kept counts must equal. */
    private Map<ReferralStatus, Long> countedFromTheReferrals(Set<String> services) {
        Map<ReferralStatus, Long> counted = new java.util.EnumMap<>(ReferralStatus.class);
        QueuePage all = store.read(repositories -> repositories.queues().page(services, Optional.empty(),
                Optional.empty(), 1_000, PROJECTION));
        all.referrals().forEach(referral -> counted.merge(referral.status(), 1L, Long::sum));
        return counted;
    }

    @Test
    void theChangeMarkOfAServiceMovesWhenOneOfItsReferralsArrivesAndOnlyThen() {
        ChangeMark before = store.read(repositories -> repositories.queues().lastChange(Set.of("health")));
        inTransaction(repositories -> repositories.referrals().insertRequested(List.of(referral(UUID.randomUUID(),
                UUID.randomUUID(), "legal", Urgency.URGENT, UUID.randomUUID()))));
        ChangeMark afterLegal = store.read(repositories -> repositories.queues().lastChange(Set.of("health")));
        inTransaction(repositories -> repositories.referrals().insertRequested(List.of(referral(UUID.randomUUID(),
                UUID.randomUUID(), "health", Urgency.URGENT, UUID.randomUUID()))));
        ChangeMark afterHealth = store.read(repositories -> repositories.queues().lastChange(Set.of("health")));

        assertThat(before).isEqualTo(new ChangeMark(0, null));
        assertThat(afterLegal).isEqualTo(before);
        assertThat(afterHealth.version()).isGreaterThan(before.version());
        assertThat(afterHealth.changedAt()).isEqualTo(PROJECTED);
    }

    /** The order the store keeps ids in: as text, the way both engines compare them here. */
    private static String stored(UUID id) {
        return id.toString();
    }
}

package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.Urgency;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.core.search.DuplicateRule;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.access.GlassBreakGrants;
import org.threshold.hub.app.access.GlassBreakReasons;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.duplicate.DuplicatePair;
import org.threshold.hub.app.duplicate.DuplicateStatus;
import org.threshold.hub.app.duplicate.Duplicates;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.household.StoredHousehold;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.deployment.HubDataKey;
import org.threshold.hub.store.JdbiHubStore;

/**
 * Whatever households, referrals and merges there are, merging and then unmerging in the opposite order gives back
 * exactly what was there: every referral in its own household naming its own people, every token opening its own
 * household, every pair OPEN, no merge in force. While merged, each referral and token belongs to the household its
 * merges lead to, and each referral names the same people, however that household lists them. On a
 * real SQLite store, through the same {@link Duplicates} as the API, each decision a signed hub event.
 */
class MergeReversalPropertyTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final SignedInUser SUPERVISOR = new SignedInUser("sara", Role.SUPERVISOR, "Health NGO",
            Set.of("health"), "session");
    private static final DuplicateRule.Match MATCH = new DuplicateRule.Match(90, Set.of(DuplicateRule.Reason.NAME));

    private Path dir;
    private HubStore store;
    private AccessAudit audit;
    private HouseholdVault vault;
    private Duplicates duplicates;

    @BeforeProperty
    void openStore() throws IOException {
        dir = Files.createTempDirectory("merge-reversal");
        store = JdbiHubStore.openIn(dir);
        audit = new AccessAudit(store, AccessAudit.DEFAULT_CAPACITY);
        HubDataKey dataKey = HubDataKey.generate(RANDOM);
        vault = new HouseholdVault(dataKey, RANDOM);
        HubEvents events = new HubEvents(SigningKey.generate(RANDOM), HubSealing.generate(RANDOM)::publicKey, CLOCK);
        duplicates = new Duplicates(store, events, new AccessPolicy(ReferralData.bundled(),
                new GlassBreakGrants(store, CLOCK, new GlassBreakReasons(dataKey, RANDOM))), vault, audit, CLOCK);
    }

    @AfterProperty
    void closeStore() throws IOException {
        audit.close();
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    // Every household is the same three people, each listed in its own order.
    private static final List<Member> FAMILY = List.of(
            member("Amal", Sex.F, LocalDate.of(1988, 4, 2), Relationship.FOCAL_POINT),
            member("Basel", Sex.M, LocalDate.of(1986, 9, 14), Relationship.SPOUSE),
            member("Dana", Sex.F, LocalDate.of(2015, 1, 30), Relationship.DAUGHTER));

    /**
     * What merges change: which household each referral belongs to, whom it names (read against that household's
     * list), and which household each token opens.
     */
    private record State(Map<UUID, UUID> referralHouseholds, Map<UUID, List<String>> referredPeople,
                         Map<TokenId, UUID> tokenHouseholds) {
    }

    @Property(tries = 60)
    void mergingThenUnmergingInTheOppositeOrderRestoresReferralsAndTokensExactly(
            @ForAll @IntRange(min = 2, max = 5) int householdCount,
            @ForAll @Size(max = 10) List<@IntRange(max = 4) Integer> referralOwners,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(max = 4) Integer> survivors,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(max = 4) Integer> mergedOnes) {
        List<SealedHousehold> households = new ArrayList<>();
        for (int i = 0; i < householdCount; i++) {
            households.add(household());
        }
        store.inTransaction(repositories -> {
            repositories.households().insertNew(households);
            repositories.referrals().insertRequested(referralOwners.stream().map(owner -> ReferralRepositoryContract
                    .referral(UUID.randomUUID(), households.get(owner % householdCount).householdId(), "health",
                            Urgency.NORMAL, UUID.randomUUID())).toList());
            return null;
        });
        State before = state(households);

        Map<Set<UUID>, UUID> pairs = new HashMap<>();
        Deque<UUID> mergedPairs = new ArrayDeque<>();
        for (int i = 0; i < Math.min(survivors.size(), mergedOnes.size()); i++) {
            UUID survivor = households.get(survivors.get(i) % householdCount).householdId();
            UUID merged = households.get(mergedOnes.get(i) % householdCount).householdId();
            if (survivor.equals(merged)) {
                continue;
            }
            UUID pairId = pairs.computeIfAbsent(Set.of(survivor, merged), both -> addPair(survivor, merged));
            try {
                duplicates.merge(SUPERVISOR, pairId, survivor, merged);
                mergedPairs.push(pairId);
            } catch (Refusal alreadyMerged) {
                // Either one is merged already, or the pair is: nothing changed, as the next check shows.
            }
            assertMergedState(before, households);
        }
        while (!mergedPairs.isEmpty()) {
            duplicates.unmerge(SUPERVISOR, mergedPairs.pop());
        }

        assertThat(state(households)).isEqualTo(before);
        List<DuplicatePair> stillMerged = store.read(repositories -> repositories.duplicates()
                .list(DuplicateStatus.MERGED, 100));
        assertThat(stillMerged.stream().map(DuplicatePair::pairId).filter(pairs::containsValue).toList()).isEmpty();
    }

    /** While merged, everything of a household belongs to the household its merges lead to. */
    private void assertMergedState(State before, List<SealedHousehold> households) {
        State now = state(households);
        store.read(repositories -> {
            before.referralHouseholds().forEach((referral, owner) -> assertThat(now.referralHouseholds().get(referral))
                    .isEqualTo(repositories.duplicates().survivorOf(owner)));
            assertThat(now.referredPeople()).isEqualTo(before.referredPeople());
            before.tokenHouseholds().forEach((token, owner) -> assertThat(now.tokenHouseholds().get(token))
                    .isEqualTo(repositories.duplicates().survivorOf(owner)));
            return null;
        });
    }

    private State state(List<SealedHousehold> households) {
        return store.read(repositories -> {
            Map<UUID, UUID> referrals = new HashMap<>();
            Map<UUID, List<String>> people = new HashMap<>();
            Map<TokenId, UUID> tokens = new HashMap<>();
            for (SealedHousehold household : households) {
                List<Member> members = StoredHousehold.read(vault.open(household)).members();
                for (ReferralRecord referral : repositories.referrals().forHousehold(household.householdId())) {
                    referrals.put(referral.referralId(), household.householdId());
                    people.put(referral.referralId(), referral.people().stream()
                            .map(person -> members.get(person.member()).givenName()).toList());
                }
                UUID found = repositories.households().findByToken(household.tokenId()).orElseThrow().householdId();
                tokens.put(household.tokenId(), repositories.duplicates().survivorOf(found));
            }
            return new State(referrals, people, tokens);
        });
    }

    private UUID addPair(UUID one, UUID other) {
        DuplicatePair pair = DuplicatePair.found(one, other, MATCH, CLOCK.instant());
        store.inTransaction(repositories -> repositories.duplicates().addIfNew(pair));
        return pair.pairId();
    }

    private SealedHousehold household() {
        List<Member> members = new ArrayList<>(FAMILY);
        Collections.shuffle(members, RANDOM);
        Household household = new Household(LocalDate.of(2026, 11, 24), new Origin("SYR", "Aleppo"), List.of("ar"),
                null, new Consent(true, true), members);
        HouseholdRecord record = new HouseholdRecord(UUID.randomUUID(), TokenId.random(RANDOM), "KIOSK-01",
                LocalDate.of(2026, 11, 24), "KIOSK-01", "North gate", CLOCK.instant(),
                HouseholdJson.write(household).toString(), UUID.randomUUID());
        return vault.seal(record, null).household();
    }

    private static Member member(String name, Sex sex, LocalDate born, Relationship relationship) {
        return new Member(name, "Haddad", null, null, sex, born, false, null, "SYR", relationship, List.of());
    }
}

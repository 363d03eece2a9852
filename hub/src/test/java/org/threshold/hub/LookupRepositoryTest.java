package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.search.DuplicateRule;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.access.GlassBreak;
import org.threshold.hub.app.duplicate.DuplicatePair;
import org.threshold.hub.app.duplicate.HouseholdMerge;
import org.threshold.hub.app.household.HouseholdProjector;
import org.threshold.hub.app.household.HouseholdRestriction;
import org.threshold.hub.app.household.LookupRepository.TokenRead;
import org.threshold.hub.app.household.SealedHousehold;

/**
 * The token lookup's reads (plain SQL on the hot path), on SQLite and on PostgreSQL: each must answer what the
 * feature repository it stands in for answers.
 */
class LookupRepositoryTest {
    @Nested
    class OnSqlite extends LookupRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends LookupRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class LookupRepositoryContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aTokenFindsItsHouseholdAsTheHouseholdsRepositoryDoesAndTheHouseholdItWasMergedInto() {
        SealedHousehold merged = household();
        SealedHousehold survivor = household();
        DuplicatePair pair = DuplicatePair.found(survivor.householdId(), merged.householdId(),
                new DuplicateRule.Match(90, Set.of(DuplicateRule.Reason.NAME)), AT);
        inTransaction(repositories -> {
            repositories.households().insertNew(List.of(merged, survivor));
            repositories.duplicates().addIfNew(pair);
            repositories.duplicates().recordMerge(new HouseholdMerge(merged.householdId(), survivor.householdId(),
                    pair.pairId(), List.of(), UUID.randomUUID(), AT));
            return null;
        });

        var viaHouseholds = store.read(repositories -> repositories.households().findByToken(survivor.tokenId()));
        TokenRead found = byToken(survivor.tokenId(), "omar", AT);
        TokenRead ofMerged = byToken(merged.tokenId(), "omar", AT);
        TokenRead unknown = byToken(TokenId.random(RANDOM), "omar", AT);

        assertThat(found.household()).usingRecursiveComparison().isEqualTo(viaHouseholds.orElseThrow());
        assertThat(found.mergedInto()).isNull();
        assertThat(found.restricted()).isFalse();
        assertThat(found.glassBreak()).isEmpty();
        assertThat(ofMerged.mergedInto()).isEqualTo(survivor.householdId());
        assertThat(ofMerged.household().householdId()).isEqualTo(merged.householdId());
        assertThat(unknown.household()).isNull();
        assertThat(unknown.mergedInto()).isNull();
    }

    @Test
    void anErasedHouseholdIsFoundErased() {
        SealedHousehold household = household();
        inTransaction(repositories -> {
            repositories.households().insertNew(List.of(household));
            repositories.households().erase(household.householdId(), AT);
            return null;
        });

        TokenRead found = byToken(household.tokenId(), "omar", AT);

        assertThat(found.household().erased()).isTrue();
        assertThat(found.household().erasedAt()).isEqualTo(AT);
    }

    @Test
    void restrictionAndGlassBreakAreReadAsTheirRepositoriesReadThem() {
        UUID restricted = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        GlassBreak grant = inTransaction(repositories -> {
            repositories.restrictions().restrict(new HouseholdRestriction(restricted, AT, "dpo", UUID.randomUUID(),
                    "DSR-2026-001"));
            repositories.glassBreaks().add("omar", restricted, "earlier, ended", AT, AT.plus(Duration.ofHours(1)));
            return repositories.glassBreaks().add("omar", restricted, "sealed reason", AT.plusSeconds(60),
                    AT.plus(Duration.ofHours(3)));
        });
        Instant now = AT.plus(Duration.ofHours(2));

        boolean isRestricted = store.read(repositories -> repositories.lookups().restricted(restricted));
        boolean isFree = store.read(repositories -> repositories.lookups().restricted(free));
        Optional<GlassBreak> active = store.read(repositories -> repositories.lookups().glassBreak("omar", restricted,
                now));
        Optional<GlassBreak> viaGlassBreaks = store.read(repositories -> repositories.glassBreaks().active("omar",
                restricted, now));
        Optional<GlassBreak> otherUser = store.read(repositories -> repositories.lookups().glassBreak("other",
                restricted, now));
        Optional<GlassBreak> otherHousehold = store.read(repositories -> repositories.lookups().glassBreak("omar",
                free, now));
        Optional<GlassBreak> ended = store.read(repositories -> repositories.lookups().glassBreak("omar", restricted,
                AT.plus(Duration.ofHours(3))));

        assertThat(isRestricted).isTrue();
        assertThat(isFree).isFalse();
        assertThat(active).contains(grant).isEqualTo(viaGlassBreaks);
        assertThat(otherUser).isEmpty();
        assertThat(otherHousehold).isEmpty();
        assertThat(ended).isEmpty();
    }

    @Test
    void aTokensHouseholdComesWithItsRestrictionAndOnlyTheReadersRunningGlassBreak() {
        SealedHousehold restricted = household();
        SealedHousehold free = household();
        GlassBreak grant = inTransaction(repositories -> {
            repositories.households().insertNew(List.of(restricted, free));
            repositories.restrictions().restrict(new HouseholdRestriction(restricted.householdId(), AT, "dpo",
                    UUID.randomUUID(), "DSR-2026-001"));
            repositories.glassBreaks().add("omar", restricted.householdId(), "earlier, ended", AT,
                    AT.plus(Duration.ofHours(1)));
            repositories.glassBreaks().add("omar", free.householdId(), "another household", AT,
                    AT.plus(Duration.ofHours(3)));
            return repositories.glassBreaks().add("omar", restricted.householdId(), "sealed reason",
                    AT.plusSeconds(60), AT.plus(Duration.ofHours(3)));
        });
        Instant now = AT.plus(Duration.ofHours(2));

        TokenRead read = byToken(restricted.tokenId(), "omar", now);
        TokenRead otherUser = byToken(restricted.tokenId(), "other", now);
        TokenRead ended = byToken(restricted.tokenId(), "omar", AT.plus(Duration.ofHours(3)));
        TokenRead unrestricted = byToken(free.tokenId(), "other", now);

        assertThat(read.restricted()).isTrue();
        assertThat(read.glassBreak()).contains(grant).isEqualTo(store.read(repositories -> repositories
                .glassBreaks().active("omar", restricted.householdId(), now)));
        assertThat(otherUser.restricted()).isTrue();
        assertThat(otherUser.glassBreak()).isEmpty();
        assertThat(ended.glassBreak()).isEmpty();
        assertThat(unrestricted.restricted()).isFalse();
        assertThat(unrestricted.glassBreak()).isEmpty();
    }

    @Test
    void theProjectionIsBehindWhileAStoredEventIsUnsequencedOrPastItsCursor() {
        TestKiosk kiosk = new TestKiosk("KIOSK-01", HubSealing.generate(RANDOM).publicKey());
        boolean empty = behind();
        inTransaction(repositories -> {
            repositories.events().lockHead("KIOSK-01");
            repositories.events().append("KIOSK-01", kiosk.registerMany(2), AT);
            return null;
        });
        boolean unsequenced = behind();
        inTransaction(repositories -> repositories.events().sequenceForProjection(10));
        boolean sequenced = behind();
        inTransaction(repositories -> repositories.projections().advance(HouseholdProjector.PROJECTION, 0, 2));
        boolean projected = behind();

        assertThat(empty).isFalse();
        assertThat(unsequenced).isTrue();
        assertThat(sequenced).isTrue();
        assertThat(projected).isFalse();
    }

    private TokenRead byToken(TokenId token, String reader, Instant now) {
        return store.read(repositories -> repositories.lookups().byToken(token, reader, now,
                HouseholdProjector.PROJECTION));
    }

    /** The projection check alone, and as a lookup of an unknown token reads it: they must agree. */
    private boolean behind() {
        boolean alone = store.read(repositories -> repositories.lookups().projectionBehind(HouseholdProjector.PROJECTION));
        assertThat(byToken(TokenId.random(RANDOM), "omar", AT).projectionBehind()).isEqualTo(alone);
        return alone;
    }

    /** A household as the store keeps it, its sealed parts random: the store never opens them. */
    static SealedHousehold household() {
        byte[] wrapped = new byte[60];
        byte[] sealed = new byte[200];
        RANDOM.nextBytes(wrapped);
        RANDOM.nextBytes(sealed);
        return new SealedHousehold(UUID.randomUUID(), TokenId.random(RANDOM), "KIOSK-02", LocalDate.of(2026, 11, 23),
                "KIOSK-01", "North gate", Instant.parse("2026-11-23T08:15:30.123456Z"), UUID.randomUUID(), "key-1",
                wrapped, sealed, null);
    }
}

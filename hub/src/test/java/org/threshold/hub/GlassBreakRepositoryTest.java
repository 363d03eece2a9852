package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.hub.app.access.GlassBreak;

/** Glass-breaks as the store keeps them, on SQLite and on PostgreSQL. */
class GlassBreakRepositoryTest {
    @Nested
    class OnSqlite extends GlassBreakRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends GlassBreakRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class GlassBreakRepositoryContract extends StoreContract {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration LASTS = Duration.ofHours(3);
    private static final UUID HOUSEHOLD = UUID.fromString("5b0c7a1e-9d2f-4c31-8a6b-0f4e2d1c3b5a");
    private static final UUID OTHER = UUID.fromString("0d6e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a");

    private GlassBreak add(String username, UUID householdId, Instant at) {
        return inTransaction(repositories -> repositories.glassBreaks().add(username, householdId,
                "A reason long enough for the DPO", at, at.plus(LASTS)));
    }

    @Test
    void aGrantIsActiveForItsAccountAndHouseholdUntilItEnds() {
        GlassBreak first = add("nadia", HOUSEHOLD, NOW);
        GlassBreak later = add("nadia", HOUSEHOLD, NOW.plusSeconds(600));
        add("omar", OTHER, NOW);

        var active = store.read(repositories -> repositories.glassBreaks().active("nadia", HOUSEHOLD, NOW.plusSeconds(700)));
        var otherHousehold = store.read(repositories -> repositories.glassBreaks().active("nadia", OTHER, NOW));
        var otherAccount = store.read(repositories -> repositories.glassBreaks().active("omar", HOUSEHOLD, NOW));
        var lastMinute = store.read(repositories -> repositories.glassBreaks().active("nadia", HOUSEHOLD,
                later.until().minusMillis(1)));
        var ended = store.read(repositories -> repositories.glassBreaks().active("nadia", HOUSEHOLD, later.until()));
        var banner = store.read(repositories -> repositories.glassBreaks().anyActive("omar", NOW.plusSeconds(1)));
        var noBanner = store.read(repositories -> repositories.glassBreaks().anyActive("nadia", later.until()));

        assertThat(later.id()).isGreaterThan(first.id());
        assertThat(active).contains(later);
        assertThat(otherHousehold).isEmpty();
        assertThat(otherAccount).isEmpty();
        assertThat(lastMinute).contains(later);
        assertThat(ended).isEmpty();
        assertThat(banner).map(GlassBreak::householdId).contains(OTHER);
        assertThat(noBanner).isEmpty();
    }

    @Test
    void theDpoListIsNewestFirstByAccountAndPaged() {
        GlassBreak first = add("nadia", HOUSEHOLD, NOW);
        GlassBreak second = add("omar", OTHER, NOW.plusSeconds(1));
        GlassBreak third = add("nadia", OTHER, NOW.plusSeconds(2));

        var all = store.read(repositories -> repositories.glassBreaks().list(null, null, 10));
        var page = store.read(repositories -> repositories.glassBreaks().list(null, null, 2));
        var rest = store.read(repositories -> repositories.glassBreaks().list(null, page.get(1).id(), 2));
        var nadia = store.read(repositories -> repositories.glassBreaks().list("nadia", null, 10));

        assertThat(all).containsExactly(third, second, first);
        assertThat(page).containsExactly(third, second);
        assertThat(rest).containsExactly(first);
        assertThat(nadia).containsExactly(third, first);
    }

    @Test
    void reasonsStoredInClearAreFoundByTheirMarkAndReplacedInPlaceOneOrAHouseholdsAll() {
        GlassBreak clear = add("nadia", HOUSEHOLD, NOW);
        GlassBreak sealed = inTransaction(repositories -> repositories.glassBreaks().add("omar", OTHER,
                "sealed-v1.key.wrapped.reason", NOW, NOW.plus(LASTS)));

        List<GlassBreak> found = store.read(repositories -> repositories.glassBreaks().inClear("sealed-v1.", 10));
        inTransaction(repositories -> {
            repositories.glassBreaks().replaceReason(clear.id(), "sealed-v1.key.other.text");
            return null;
        });

        List<GlassBreak> left = store.read(repositories -> repositories.glassBreaks().inClear("sealed-v1.", 10));
        List<GlassBreak> all = store.read(repositories -> repositories.glassBreaks().list(null, null, 10));

        inTransaction(repositories -> {
            repositories.glassBreaks().replaceReasons(OTHER, "sealed-v1.erased");
            return null;
        });
        List<GlassBreak> afterErasure = store.read(repositories -> repositories.glassBreaks().list(null, null, 10));

        assertThat(found).containsExactly(clear);
        assertThat(left).isEmpty();
        assertThat(all).extracting(GlassBreak::reason).containsExactly(sealed.reason(), "sealed-v1.key.other.text");
        assertThat(afterErasure).extracting(GlassBreak::reason).containsExactly("sealed-v1.erased",
                "sealed-v1.key.other.text");
    }
}

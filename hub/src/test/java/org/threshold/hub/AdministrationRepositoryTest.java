package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.hub.app.enrollment.EnrollmentCodeRepository.Code;
import org.threshold.hub.app.feed.UpdateFeedRepository.StoredUpdate;
import org.threshold.hub.app.kiosk.Kiosk;

/** The kiosk directory, enrollment codes, operators, the update feed and its nonces, on SQLite and PostgreSQL. */
class AdministrationRepositoryTest {
    @Nested
    class OnSqlite extends AdministrationRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends AdministrationRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }
    }
}

abstract class AdministrationRepositoryContract extends StoreContract {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String KEY = "MCowBQYDK2VwAyEA";
    private static final String HASH = org.threshold.core.crypto.PassphraseHash.create("a passphrase".toCharArray(),
            new java.security.SecureRandom()).encode();

    @Test
    void aKioskIsRevokedOnceAndThenNoLongerActive() {
        inTransaction(repositories -> {
            repositories.kiosks().add(kiosk("KIOSK-02", "North gate"));
            repositories.kiosks().add(kiosk("KIOSK-01", "North gate"));
            repositories.kiosks().add(kiosk("KIOSK-03", "East gate"));
            return null;
        });
        var first = inTransaction(repositories -> repositories.kiosks().revoke("KIOSK-02", NOW, true, "stolen"));
        var again = inTransaction(repositories -> repositories.kiosks().revoke("KIOSK-02", NOW.plusSeconds(5), false,
                "again"));
        var revoked = store.read(repositories -> repositories.kiosks().find("KIOSK-02")).orElseThrow();
        var all = store.read(repositories -> repositories.kiosks().all());
        var north = store.read(repositories -> repositories.kiosks().active("North gate"));
        var everywhere = store.read(repositories -> repositories.kiosks().active(null));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(revoked.wipe()).isTrue();
        assertThat(revoked.revocationReason()).isEqualTo("stolen");
        assertThat(all).extracting(Kiosk::kioskId).containsExactly("KIOSK-01", "KIOSK-02", "KIOSK-03");
        assertThat(north).containsExactly("KIOSK-01");
        assertThat(everywhere).containsExactly("KIOSK-01", "KIOSK-03");
    }

    @Test
    void aCodeIsSpentOnceAndHoldsItsKioskId() {
        byte[] hash = {9, 9, 9};
        inTransaction(repositories -> {
            repositories.enrollmentCodes().add(hash, "KIOSK-04", "North gate", NOW, NOW.plusSeconds(3600));
            repositories.kiosks().add(kiosk("KIOSK-05", "North gate"));
            return null;
        });
        var code = store.read(repositories -> repositories.enrollmentCodes().find(hash));
        var spent = inTransaction(repositories -> repositories.enrollmentCodes().spend(hash, NOW.plusSeconds(1)));
        var spentAgain = inTransaction(repositories -> repositories.enrollmentCodes().spend(hash, NOW.plusSeconds(2)));
        var afterwards = store.read(repositories -> repositories.enrollmentCodes().find(hash)).orElseThrow();
        var takenByCode = store.read(repositories -> repositories.enrollmentCodes().kioskIdTaken("KIOSK-04"));
        var takenByKiosk = store.read(repositories -> repositories.enrollmentCodes().kioskIdTaken("KIOSK-05"));
        var free = store.read(repositories -> repositories.enrollmentCodes().kioskIdTaken("KIOSK-06"));

        assertThat(code).contains(new Code("KIOSK-04", "North gate", NOW.plusSeconds(3600), null));
        assertThat(spent).isTrue();
        assertThat(spentAgain).isFalse();
        assertThat(afterwards.usedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(takenByCode).isTrue();
        assertThat(takenByKiosk).isTrue();
        assertThat(free).isFalse();
    }

    @Test
    void operatorsAreReplacedByNameAndRemoved() {
        OperatorRecord amal = new OperatorRecord("amal", OperatorRecord.Role.RECEPTION, HASH);
        OperatorRecord amalAgain = new OperatorRecord("amal", OperatorRecord.Role.SUPERVISOR, HASH);
        OperatorRecord bilal = new OperatorRecord("bilal", OperatorRecord.Role.RECEPTION, HASH);
        inTransaction(repositories -> {
            repositories.operators().save("North gate", bilal, NOW);
            repositories.operators().save("North gate", amal, NOW);
            repositories.operators().save("North gate", amalAgain, NOW);
            repositories.operators().save("East gate", amal, NOW);
            return null;
        });
        var north = store.read(repositories -> repositories.operators().ofSite("North gate"));
        var removed = inTransaction(repositories -> repositories.operators().remove("North gate", "bilal"));
        var removedAgain = inTransaction(repositories -> repositories.operators().remove("North gate", "bilal"));
        var east = store.read(repositories -> repositories.operators().ofSite("East gate"));

        assertThat(north).containsExactly(amalAgain, bilal);
        assertThat(removed).isTrue();
        assertThat(removedAgain).isFalse();
        assertThat(east).containsExactly(amal);
    }

    @Test
    void theFeedGivesEachKioskItsOwnAndEveryonesUpdatesInOrder() {
        inTransaction(repositories -> {
            repositories.updateFeed().append(null, "CATALOGUE_VERSION", "{\"all\":1}", NOW);
            repositories.updateFeed().append("KIOSK-02", "OPERATORS", "{\"two\":1}", NOW);
            repositories.updateFeed().append("KIOSK-01", "OPERATORS", "{\"one\":1}", NOW);
            return null;
        });
        var forOne = store.read(repositories -> repositories.updateFeed().since("KIOSK-01", 0, 10));
        var end = store.read(repositories -> repositories.updateFeed().lastPosition());
        var after = store.read(repositories -> repositories.updateFeed().since("KIOSK-01", forOne.get(0).position(),
                10));

        assertThat(forOne).extracting(StoredUpdate::json).containsExactly("{\"all\":1}", "{\"one\":1}");
        assertThat(forOne.get(1).kioskId()).isEqualTo("KIOSK-01");
        assertThat(forOne.get(0).publishedAt()).isEqualTo(NOW);
        assertThat(end).isEqualTo(forOne.get(1).position());
        assertThat(after).extracting(StoredUpdate::json).containsExactly("{\"one\":1}");
    }

    @Test
    void aNonceIsTakenOnceUntilItIsForgotten() {
        var first = inTransaction(repositories -> repositories.feedNonces().remember("nonce-1", NOW.plusSeconds(600),
                NOW));
        var replay = inTransaction(repositories -> repositories.feedNonces().remember("nonce-1", NOW.plusSeconds(600),
                NOW.plusSeconds(1)));
        var afterExpiry = inTransaction(repositories -> repositories.feedNonces().remember("nonce-1",
                NOW.plusSeconds(1200), NOW.plusSeconds(600)));

        assertThat(first).isTrue();
        assertThat(replay).isFalse();
        assertThat(afterExpiry).isTrue();
    }

    @Test
    void aBatchNonceIsAddedOnceAndForgottenOnlyWhenAsked() {
        var first = inTransaction(repositories -> repositories.feedNonces().add("nonce-2", NOW.plusSeconds(600)));
        var replay = inTransaction(repositories -> repositories.feedNonces().add("nonce-2", NOW.plusSeconds(600)));
        inTransaction(repositories -> {
            repositories.feedNonces().forgetExpired(NOW.plusSeconds(599));
            return null;
        });
        var beforeExpiry = inTransaction(repositories -> repositories.feedNonces().add("nonce-2", NOW));
        inTransaction(repositories -> {
            repositories.feedNonces().forgetExpired(NOW.plusSeconds(600));
            return null;
        });
        var afterExpiry = inTransaction(repositories -> repositories.feedNonces().add("nonce-2", NOW));

        assertThat(first).isTrue();
        assertThat(replay).isFalse();
        assertThat(beforeExpiry).isFalse();
        assertThat(afterExpiry).isTrue();
    }

    private static Kiosk kiosk(String kioskId, String site) {
        return new Kiosk(kioskId, site, KEY, NOW, "0.1.0", "", null, false, null);
    }
}

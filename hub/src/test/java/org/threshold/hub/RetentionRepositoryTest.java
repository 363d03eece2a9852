package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The retention job's turn, on SQLite and on PostgreSQL: one transaction at a time holds it. */
class RetentionRepositoryTest {
    @Nested
    class OnSqlite extends RetentionRepositoryContract {
        @Override
        Engine engine() {
            return Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgres extends RetentionRepositoryContract {
        @Override
        Engine engine() {
            return Engine.POSTGRESQL;
        }

        /** SQLite's second writer waits for the first instead, so only PostgreSQL can be asked while it is held. */
        @Test
        void whileOneTransactionHoldsTheTurnAnotherCannotTakeItAndCanOnceItEnds() throws Exception {
            CountDownLatch taken = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> inTransaction(repositories -> {
                boolean turn = repositories.retention().tryTakeTurn();
                taken.countDown();
                try {
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return turn;
            }));
            assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();

            boolean whileHeld = inTransaction(repositories -> repositories.retention().tryTakeTurn());
            release.countDown();

            assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(whileHeld).isFalse();
            boolean afterwards = inTransaction(repositories -> repositories.retention().tryTakeTurn());
            assertThat(afterwards).isTrue();
        }
    }
}

abstract class RetentionRepositoryContract extends StoreContract {
    @Test
    void aTransactionAloneTakesTheTurnAndTakesItAgainInTheSameTransaction() {
        boolean twice = inTransaction(repositories -> repositories.retention().tryTakeTurn()
                && repositories.retention().tryTakeTurn());
        assertThat(twice).isTrue();
    }
}
